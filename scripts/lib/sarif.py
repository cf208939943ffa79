"""A minimal SARIF 2.1.0 writer for scripts/triage (standard library only).

One rule per kind of problem (the signature without its frames), one result
per de-duplicated signature, the crash stack as a SARIF stack, the
reproducers as related locations.  Paths inside the repository are given
relative to the SRCROOT base id, so the file does not depend on where the
checkout lives."""
import json
import os
import urllib.parse

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"


def _uri(path):
    """A path as a URI reference (percent-encoded; ':' in the first segment
    of a relative reference would read as a scheme, so it is encoded)."""
    parts = path.replace(os.sep, "/").split("/")
    return "/".join(urllib.parse.quote(seg, safe="+~@=,;" if i == 0 else ":+~@=,;")
                    for i, seg in enumerate(parts))


def _artifact(path, root):
    p = os.path.abspath(path)
    if p.startswith(root + os.sep):
        return {"uri": _uri(os.path.relpath(p, root)), "uriBaseId": "SRCROOT"}
    return {"uri": "file://" + _uri(p)}


def _frame_location(frame, root):
    loc = {}
    f = frame.get("file")
    if f and not os.path.isabs(f) and not os.path.exists(os.path.join(root, f)):
        f = None    # a relative path of the system's sources (libc, ...), not the repo's
    if f:
        phys = {"artifactLocation": _artifact(os.path.join(root, f) if not os.path.isabs(f) else f, root)}
        if frame.get("line"):
            phys["region"] = {"startLine": int(frame["line"])}
        loc["physicalLocation"] = phys
    if frame.get("func") and frame["func"] != "?":
        loc["logicalLocations"] = [{"fullyQualifiedName": frame["func"], "kind": "function"}]
    return loc


class Log:
    def __init__(self, tool_name, tool_version, info_uri, root):
        self.root = os.path.abspath(root)
        self.driver = {"name": tool_name, "version": tool_version, "informationUri": info_uri,
                       "rules": []}
        self.rule_index = {}
        self.results = []
        self.invocation = {"executionSuccessful": True}

    def rule(self, rule_id, short, full=None, level="error", tags=()):
        if rule_id in self.rule_index:
            return self.rule_index[rule_id]
        r = {"id": rule_id, "name": rule_id.replace(".", "_").replace(":", "_").replace("+", "_"),
             "shortDescription": {"text": short},
             "defaultConfiguration": {"level": level}}
        if full:
            r["fullDescription"] = {"text": full}
        if tags:
            r["properties"] = {"tags": list(tags)}
        self.rule_index[rule_id] = len(self.driver["rules"])
        self.driver["rules"].append(r)
        return self.rule_index[rule_id]

    def result(self, rule_id, level, message, frames, reproducers, fingerprint, properties=None,
               markdown=None, primary_frames=None):
        """frames: the whole stack; the location is the first of
        primary_frames (default: frames) that lies in the repository."""
        idx = self.rule_index[rule_id]
        frames = [f for f in frames if f.get("file") or f.get("func")]
        located = [f for f in (primary_frames if primary_frames is not None else frames)
                   if _frame_location(f, self.root).get("physicalLocation")]
        res = {"ruleId": rule_id, "ruleIndex": idx, "level": level,
               "message": {"text": message}}
        if markdown:
            res["message"]["markdown"] = markdown
        if located:
            res["locations"] = [_frame_location(located[0], self.root)]
        elif reproducers:
            res["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(reproducers[0], self.root)}}]
        if frames:
            res["stacks"] = [{"message": {"text": "stack of the failing execution"},
                              "frames": [{"location": _frame_location(f, self.root)} for f in frames[:32]]}]
        related = []
        for i, p in enumerate(reproducers[:50]):
            related.append({"id": i + 1, "message": {"text": "reproducer" if i == 0 else "duplicate"},
                            "physicalLocation": {"artifactLocation": _artifact(p, self.root)}})
        if related:
            res["relatedLocations"] = related
        res["partialFingerprints"] = {"ovofuzzSignature/v1": fingerprint}
        if properties:
            res["properties"] = properties
        self.results.append(res)

    def to_json(self):
        return {
            "$schema": SCHEMA,
            "version": VERSION,
            "runs": [{
                "tool": {"driver": self.driver},
                "originalUriBaseIds": {"SRCROOT": {"description": {"text": "the repository root"}}},
                "invocations": [self.invocation],
                "results": self.results,
            }],
        }

    def write(self, path):
        with open(path, "w") as fh:
            json.dump(self.to_json(), fh, indent=1)
            fh.write("\n")

#!/usr/bin/env python3
"""Checks the runbooks in this directory (README.md describes the format).

For every runbook id: both <id>.ko.md and <id>.en.md exist. In every file:
every `sitroom:` link parses, names a known action with its required
parameters and nothing else, carries step=N equal to the number of the
numbered-list item it sits in, and lists only known preconditions;
placeholders are known and appear only in runbooks about one provider; no
HTML or images; numbered steps are unique and numbered as CommonMark renders
them. The Korean and the English file of an id have the same action links
(action, parameters, step). Prints what it checked; exits 1 on any error.

Usage: python3 check.py [DIRECTORY]   (default: the directory of this script)
"""

import json
import os
import re
import sys
from collections import Counter
from urllib.parse import parse_qsl, unquote

LANGS = ("ko", "en")

# The ids the shipped alert rules link to (resources/alerts/default-rules.json);
# each must exist in both languages.
def _rule_runbooks():
    rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "alerts", "default-rules.json")
    with open(rules, encoding="utf-8") as f:
        return tuple(sorted({rule["runbook"] for rule in json.load(f)["rules"] if rule.get("runbook")}))


REQUIRED_IDS = _rule_runbooks()

# Runbooks whose alerts are about one provider: only these may use
# {provider} / {provider_name} and provider preconditions without naming one.
PROVIDER_RUNBOOKS = {"provider-failing", "verification-collapse"}

PROVIDERS = {"naver", "kakao", "pass", "mobile", "certificate"}
PLACEHOLDERS = {"provider", "provider_name"}

# action -> (required params, optional params); "step" and "require" are common.
ACTIONS = {
    "disable-provider": ({"provider"}, {"for"}),
    "enable-provider": ({"provider"}, set()),
    "throttle": (set(), set()),  # exactly one of percent / rate, checked below
    "pause-admission": (set(), set()),
    "resume-admission": (set(), set()),
}
THROTTLE_PARAMS = {"percent", "rate"}

PROVIDER_PRECONDITIONS = {"provider-red", "provider-not-green", "provider-enabled",
                          "provider-disabled", "provider-green"}
PLAIN_PRECONDITIONS = PROVIDER_PRECONDITIONS | {"admission-running", "admission-paused"}
ARG_PRECONDITIONS = {"queue-wait-above", "backend-utilization-above"}

# Pairs of preconditions that can never hold together.
CONTRADICTIONS = [
    ("provider-enabled", "provider-disabled"),
    ("admission-running", "admission-paused"),
    ("provider-red", "provider-green"),
    ("provider-not-green", "provider-green"),
]

ORDERED_ITEM = re.compile(r"^( {0,3})(\d{1,9})([.)])( +|$)(.*)$")
BULLET_ITEM = re.compile(r"^ {0,3}[-*+]( +|$)")
HEADING = re.compile(r"^ {0,3}#{1,6}( |$)")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
THEMATIC = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
DURATION = re.compile(r"^(\d+)(s|m|h)$")
STEP = re.compile(r"^[1-9]\d{0,8}$")


class FileReport:
    def __init__(self, path, runbook_id, lang):
        self.path = path
        self.id = runbook_id
        self.lang = lang
        self.errors = []
        self.steps = []          # rendered numbers of numbered-list items
        self.links = []          # (line, step, action, params tuple)
        self.lines = 0

    def error(self, line, message):
        self.errors.append("%s:%d: %s" % (os.path.basename(self.path), line, message))


def block_starter(stripped):
    """True when a non-indented line would start a new block rather than
    continue a paragraph lazily."""
    return bool(HEADING.match(stripped) or BULLET_ITEM.match(stripped)
                or ORDERED_ITEM.match(stripped) or FENCE.match(stripped)
                or THEMATIC.match(stripped) or stripped.lstrip().startswith(("|", ">")))


def number_items(lines, report):
    """Returns, per line index, the rendered number of the top-level
    numbered-list item containing it (or None)."""
    owner = [None] * len(lines)
    in_fence = False
    current = None           # rendered number of the open item
    content_indent = 0
    delimiter = None
    next_number = None       # the number the next item of this list renders as
    prev_blank = True
    prev_heading = False     # previous line was a heading
    for i, raw in enumerate(lines):
        line = raw.rstrip("\n")
        lineno = i + 1
        if FENCE.match(line):
            in_fence = not in_fence
            report.error(lineno, "code fences are not expected in a runbook")
            owner[i] = current
            prev_blank = False
            continue
        if in_fence:
            owner[i] = current
            continue
        blank = line.strip() == ""
        indent = len(line) - len(line.lstrip(" "))
        m = ORDERED_ITEM.match(line)
        if blank:
            owner[i] = current
            prev_blank = True
            prev_heading = False
            continue
        if current is not None and indent >= content_indent:
            owner[i] = current          # indented continuation of the item
            prev_blank = False
            prev_heading = False
            continue
        if m:
            written = int(m.group(2))
            delim = m.group(3)
            if current is not None and delim == delimiter:
                rendered = next_number  # next item of the same list
            else:
                if written != 1 and not (prev_blank or prev_heading):
                    report.error(lineno, "numbered item %d directly after other text may not start a "
                                 "list in CommonMark (only 1 can interrupt a paragraph); put a blank "
                                 "line or a heading before it" % written)
                rendered = written      # a new list starts at the written number
                delimiter = delim
            if written != rendered:
                report.error(lineno, "item written as %d is rendered as %d (CommonMark numbers a list "
                             "from its first item); renumber" % (written, rendered))
            current = rendered
            next_number = rendered + 1
            content_indent = len(m.group(1)) + len(m.group(2)) + 1 + max(1, min(len(m.group(4)), 4))
            report.steps.append((rendered, lineno))
            owner[i] = current
            prev_blank = False
            prev_heading = False
            continue
        if current is not None and not prev_blank and not block_starter(line):
            owner[i] = current          # lazy continuation of the item's paragraph
            prev_blank = False
            prev_heading = False
            continue
        # anything else ends the list
        current = None
        delimiter = None
        owner[i] = None
        prev_heading = bool(HEADING.match(line))
        prev_blank = False
    return owner


def parse_duration(value):
    m = DURATION.match(value)
    if not m:
        return None
    n = int(m.group(1))
    return n * {"s": 1, "m": 60, "h": 3600}[m.group(2)]


def check_link(report, lineno, text, url, step_of_line):
    rb = report.id
    if not text.strip():
        report.error(lineno, "action link with empty text: %s" % url)
    elif report.lang == "ko" and not HANGUL.search(text):
        report.error(lineno, "link text of a Korean runbook has no Korean: [%s]" % text)
    elif report.lang == "en" and HANGUL.search(text.replace("{provider_name}", "")):
        report.error(lineno, "link text of an English runbook is in Korean: [%s]" % text)
    rest = url[len("sitroom:"):]
    action, _, query = rest.partition("?")
    if action not in ACTIONS:
        report.error(lineno, "unknown action %r in %s (known: %s)" % (action, url, ", ".join(sorted(ACTIONS))))
        return
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError as e:
        report.error(lineno, "query does not parse in %s: %s" % (url, e))
        return
    keys = [k for k, _ in pairs]
    for k, n in Counter(keys).items():
        if n > 1:
            report.error(lineno, "parameter %r given %d times in %s" % (k, n, url))
    params = dict(pairs)
    required, optional = ACTIONS[action]
    allowed = required | optional | {"step", "require"}
    if action == "throttle":
        allowed |= THROTTLE_PARAMS
        given = THROTTLE_PARAMS & set(params)
        if len(given) != 1:
            report.error(lineno, "throttle needs exactly one of percent= or rate= in %s" % url)
    for k in params:
        if k not in allowed:
            report.error(lineno, "parameter %r is not known for %s in %s" % (k, action, url))
    for k in required:
        if k not in params:
            report.error(lineno, "%s needs %s= in %s" % (action, k, url))

    # step
    step = params.get("step")
    if step is None:
        report.error(lineno, "step= is required in %s" % url)
    elif not STEP.match(step):
        report.error(lineno, "step=%r is not a positive whole number in %s" % (step, url))
    elif step_of_line is None:
        report.error(lineno, "action link is not inside a numbered step: %s" % url)
    elif int(step) != step_of_line:
        report.error(lineno, "step=%s but the link is in numbered step %d: %s" % (step, step_of_line, url))

    # values
    provider = params.get("provider")
    if provider is not None:
        if provider == "{provider}":
            if rb not in PROVIDER_RUNBOOKS:
                report.error(lineno, "provider={provider} in a runbook that is not about one provider")
        elif provider not in PROVIDERS:
            report.error(lineno, "unknown provider %r (known: %s, or {provider})" % (provider, ", ".join(sorted(PROVIDERS))))
    if "for" in params:
        seconds = parse_duration(params["for"])
        if seconds is None or seconds <= 0:
            report.error(lineno, "for=%r is not a duration like 30m or 1h" % params["for"])
        elif seconds > 12 * 3600:
            report.error(lineno, "for=%s is longer than 12 h" % params["for"])
    if "percent" in params:
        p = params["percent"]
        if not re.match(r"^\d{1,3}$", p) or not 1 <= int(p) <= 100:
            report.error(lineno, "percent=%r must be a whole number from 1 to 100" % p)
    if "rate" in params:
        r = params["rate"]
        if not re.match(r"^\d+(\.\d+)?$", r) or float(r) <= 0:
            report.error(lineno, "rate=%r must be a positive number of people per second" % r)

    # preconditions
    requires = []
    if "require" in params:
        requires = [x for x in params["require"].split(",")]
        if any(not x for x in requires):
            report.error(lineno, "empty precondition in require=%r" % params["require"])
        for cond in requires:
            if not cond:
                continue
            name, sep, arg = cond.partition(":")
            if name in ARG_PRECONDITIONS:
                if not sep:
                    report.error(lineno, "precondition %s needs a value (%s:<n>)" % (name, name))
                    continue
                try:
                    v = float(arg)
                except ValueError:
                    report.error(lineno, "precondition %s: %r is not a number" % (name, arg))
                    continue
                if name == "queue-wait-above" and (not arg.isdigit() or v < 0):
                    report.error(lineno, "queue-wait-above takes whole seconds, not %r" % arg)
                if name == "backend-utilization-above" and not 0 < v <= 2:
                    report.error(lineno, "backend-utilization-above takes a fraction like 0.9, not %r" % arg)
            elif name in PLAIN_PRECONDITIONS:
                if sep:
                    report.error(lineno, "precondition %s takes no value" % name)
                if name in PROVIDER_PRECONDITIONS and provider is None and rb not in PROVIDER_RUNBOOKS:
                    report.error(lineno, "precondition %s names no provider: the link has no provider= "
                                 "and the runbook is not about one provider" % name)
            else:
                report.error(lineno, "unknown precondition %r (known: %s, %s)" % (
                    cond, ", ".join(sorted(PLAIN_PRECONDITIONS)),
                    ", ".join(n + ":<n>" for n in sorted(ARG_PRECONDITIONS))))
        names = {c.partition(":")[0] for c in requires}
        for a, b in CONTRADICTIONS:
            if a in names and b in names:
                report.error(lineno, "preconditions %s and %s can never hold together" % (a, b))
    if action == "disable-provider" and "provider-enabled" not in requires:
        report.error(lineno, "a disable step should require provider-enabled")
    if action == "enable-provider" and "provider-disabled" not in requires:
        report.error(lineno, "an enable (revert) step should require provider-disabled")
    if action == "resume-admission" and "admission-paused" not in requires:
        report.error(lineno, "a resume step should require admission-paused")
    if action in ("pause-admission", "throttle") and "admission-paused" in requires:
        report.error(lineno, "%s cannot be meant for paused admission" % action)

    canonical = tuple(sorted((k, v) for k, v in params.items()))
    report.links.append((lineno, int(step) if step and STEP.match(step) else None, action, canonical))


def check_file(path, runbook_id, lang):
    report = FileReport(path, runbook_id, lang)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    report.lines = len(lines)
    if not text.endswith("\n"):
        report.error(len(lines), "file does not end with a newline")
    if not lines or not lines[0].startswith("# "):
        report.error(1, "a runbook starts with a level-1 heading (# title)")
    owner = number_items(lines, report)

    seen = {}
    for number, lineno in report.steps:
        if number in seen:
            report.error(lineno, "step %d is numbered twice (also line %d): step numbers must be unique "
                         "in a runbook so that the acknowledgement names one step" % (number, seen[number]))
        seen.setdefault(number, lineno)

    for i, line in enumerate(lines):
        lineno = i + 1
        if HTML_TAG.search(line):
            report.error(lineno, "HTML is not allowed: %s" % HTML_TAG.search(line).group(0))
        if "![" in line:
            report.error(lineno, "images are not allowed")
        if "\t" in line:
            report.error(lineno, "tab character (indent with spaces)")
        for m in PLACEHOLDER.finditer(line):
            name = m.group(1)
            if name not in PLACEHOLDERS:
                report.error(lineno, "unknown placeholder {%s} (known: {provider}, {provider_name})" % name)
            elif runbook_id not in PROVIDER_RUNBOOKS:
                report.error(lineno, "placeholder {%s} in a runbook that is not about one provider" % name)
        spans = []
        for m in LINK.finditer(line):
            url = unquote(m.group(2)) if "%" in m.group(2) else m.group(2)
            if url.startswith("sitroom:"):
                spans.append((m.start(2), m.end(2)))
                check_link(report, lineno, m.group(1), url, owner[i])
        for m in re.finditer(r"sitroom:", line):
            if not any(a <= m.start() < b for a, b in spans):
                report.error(lineno, "'sitroom:' outside a well-formed [text](sitroom:...) link")
    return report


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    names = sorted(os.listdir(directory))
    found = {}
    problems = []
    for name in names:
        if not name.endswith(".md") or name == "README.md":
            continue
        m = re.match(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.(ko|en)\.md$", name)
        if not m:
            problems.append("%s: not named <id>.ko.md or <id>.en.md" % name)
            continue
        found.setdefault(m.group(1), set()).add(m.group(2))

    ids = sorted(set(found) | set(REQUIRED_IDS))
    print("Checking runbooks in %s" % directory)
    total_links = 0
    total_files = 0
    for rb in ids:
        langs = found.get(rb, set())
        for lang in LANGS:
            if lang not in langs:
                problems.append("%s: %s.%s.md is missing" % (rb, rb, lang))
        reports = {}
        for lang in LANGS:
            if lang in langs:
                reports[lang] = check_file(os.path.join(directory, "%s.%s.md" % (rb, lang)), rb, lang)
                total_files += 1
        for lang, r in reports.items():
            problems.extend(r.errors)
            print("  %-24s %s  %3d lines, steps %s, %d action link(s)%s" % (
                rb, lang, r.lines,
                ("%d-%d" % (r.steps[0][0], r.steps[-1][0])) if r.steps else "none",
                len(r.links), "" if not r.errors else "  -- %d error(s)" % len(r.errors)))
            total_links += len(r.links)
        if "ko" in reports and "en" in reports:
            ko = Counter((s, a, p) for _, s, a, p in reports["ko"].links)
            en = Counter((s, a, p) for _, s, a, p in reports["en"].links)
            if ko != en:
                for key in sorted((ko - en).keys(), key=str):
                    problems.append("%s: action link only in Korean: step %s %s %s" % (rb, key[0], key[1], dict(key[2])))
                for key in sorted((en - ko).keys(), key=str):
                    problems.append("%s: action link only in English: step %s %s %s" % (rb, key[0], key[1], dict(key[2])))
            else:
                for _, step, action, params in reports["ko"].links:
                    shown = "&".join("%s=%s" % kv for kv in params if kv[0] != "step")
                    print("      step %-3s %-17s %s" % (step, action, shown))
            ko_steps = [n for n, _ in reports["ko"].steps]
            en_steps = [n for n, _ in reports["en"].steps]
            if ko_steps != en_steps:
                problems.append("%s: numbered steps differ between ko %s and en %s" % (rb, ko_steps, en_steps))

    print("Checked %d runbook(s), %d file(s), %d action link(s); ko/en action links compared per runbook."
          % (len(ids), total_files, total_links))
    if problems:
        print("\n%d problem(s):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

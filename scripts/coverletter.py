#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The cover letter kept in the editing tree.

  coverletter.py seed COVER TREE   branch description (subject, blank line,
                                   body) and the From:/Date: headers and the
                                   subject prefix into TREE's git config
  coverletter.py fix COVER TREE    after git format-patch: put back the stored
                                   From:/Date: headers, so the same commits
                                   give the same bytes on every run
"""
import email
import email.header
import re
import subprocess
import sys


def git(tree, *args, check=True):
    r = subprocess.run(["git", "-C", tree, *args], capture_output=True, text=True)
    if check and r.returncode:
        sys.exit(f"FAILED [tree]: git {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def split(text):
    """Raw header block (folded lines kept) and body of a mail."""
    head, _, body = text.partition("\n\n")
    return head, body


def raw_header(head, name):
    m = re.search(rf"^{name}:.*(?:\n[ \t].*)*", head, re.M | re.I)
    return m.group(0) if m else None


def seed(cover, tree):
    with open(cover, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    head, body = split(text)
    msg = email.message_from_string(head + "\n\n")
    subject = str(email.header.make_header(email.header.decode_header(msg["Subject"] or "")))
    subject = " ".join(subject.split())
    m = re.match(r"\[(.*?)\s*\d+/\d+\]\s*(.*)", subject)
    prefix, subject = (m.group(1) or "PATCH", m.group(2)) if m else ("PATCH", subject)
    # The body ends where format-patch's shortlog starts: "Name (N):".
    lines = body.split("\n")
    end = len(lines)
    for i, line in enumerate(lines):
        if re.match(r"^\S.* \(\d+\):$", line) and i + 1 < len(lines) and lines[i + 1].startswith("  "):
            end = i
            break
    text_body = "\n".join(lines[:end]).strip("\n")
    desc = subject + ("\n\n" + text_body if text_body else "") + "\n"
    branch = git(tree, "symbolic-ref", "--short", "HEAD").strip()
    git(tree, "config", f"branch.{branch}.description", desc)
    git(tree, "config", "workspace.subjectprefix", prefix)
    for name in ("From", "Date"):
        h = raw_header(head, name)
        if h:
            git(tree, "config", f"workspace.cover{name.lower()}", h)


def fix(cover, tree):
    with open(cover, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    head, body = split(text)
    for name in ("From", "Date"):
        stored = git(tree, "config", "--get", f"workspace.cover{name.lower()}", check=False).rstrip("\n")
        if not stored:
            # No seed: take the tip commit's author, stable for the same commits.
            fmt = "%an <%ae>" if name == "From" else "%aD"
            stored = f"{name}: " + git(tree, "log", "-1", f"--format={fmt}").strip()
        old = raw_header(head, name)
        if old:
            head = head.replace(old, stored, 1)
    with open(cover, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(head + "\n\n" + body)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("seed", "fix"):
        sys.exit(__doc__)
    (seed if sys.argv[1] == "seed" else fix)(sys.argv[2], sys.argv[3])

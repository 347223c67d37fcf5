"""Reads a readiness calendar with Python's icalendar and prints one line per
event: its start (ISO 8601 with offset), its zone, its summary, and whether its
description says where to fix the task."""
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    zone = getattr(start.tzinfo, "zone", None) or str(start.tzinfo)
    desc = str(ev.get("DESCRIPTION", ""))
    print("\t".join([start.isoformat(), zone, str(ev.get("SUMMARY")), str("Where to fix it:" in desc)]))

"""Engagement sheets: one per stakeholder with an engagement recorded, then the priority
stakeholders still to plan."""

from __future__ import annotations

from ....core.i18n import N_, PDI, _, format_number, isolate, ngettext
from ....core.wording import counted
from ..advice import APPROACH_BASIS, suggested_approach
from ..context import PlanContext
from ..options import SECTIONS
from ..principles import principle_titles
from ..restricted import NO_NEXT_ACTION_SHARED, NO_ROUTE_SHARED_CELL, NOT_SHARED_ROW
from ..wording import capital, date_or_blank, mou_text, or_default, score_text, stage_text
from ..writer import PlanWriter

__all__ = ["write"]

#: The "still to plan" list below Full, with and without a branch to route from.
STILL_TO_PLAN_SHARED = N_(
    "None of what this version shares of an engagement (key messages, next action, MoU "
    "status) is shared for these priority stakeholders; the first contact is a messenger "
    "the branch recorded and marked for partners, or is to be agreed with the branch."
)
STILL_TO_PLAN_SHARED_NO_BRANCH = N_(
    "None of what this version shares of an engagement (key messages, next action, MoU "
    "status) is shared for these priority stakeholders."
)
#: When no stakeholder gets a sheet.
NO_SHEETS = N_("No stakeholder has engagement details recorded yet, so no sheet follows.")


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["sheets"]))
    ids, unplanned = plan.sheet_ids(), plan.unplanned_ids()
    if not ids:
        scope = _(NO_SHEETS)
    elif plan.options.sheets_for == "all":
        scope = _("One sheet for each of the {stakeholders} but our own branch.").format(
            stakeholders=counted(len(ids), "stakeholder", "stakeholders")
        )
    elif unplanned:
        scope = ngettext(
            "One sheet for each of the {stakeholders} with engagement details recorded; the "
            "{count} other priority stakeholder (manage closely or keep satisfied) is listed "
            "after the sheets as engagement still to plan.",
            "One sheet for each of the {stakeholders} with engagement details recorded; the "
            "{count} other priority stakeholders (manage closely or keep satisfied) are listed "
            "after the sheets as engagement still to plan.",
            len(unplanned),
        ).format(
            stakeholders=counted(len(ids), "stakeholder", "stakeholders"),
            count=format_number(len(unplanned)),
        )
    else:
        scope = _(
            "One sheet for each of the {stakeholders} with engagement details recorded."
        ).format(stakeholders=counted(len(ids), "stakeholder", "stakeholders"))
    if plan.level == "full":
        how = _(
            "Fields left empty on the map say so; the approach and messenger are suggested "
            "from the map when none was recorded."
        )
    else:
        how = _(
            "This version does not share, for any stakeholder, what the branch wants from "
            "it (objective, desired change, ask, progress markers), nor the approach, "
            "focal point, engagement stage or risks: the approach shown is the map's "
            "suggestion. A messenger is named only where the branch recorded one and marked "
            "it for partners; otherwise the first contact is to be agreed with the branch."
        )
    w.para(f"{scope} {how}")
    if note := plan.missing_branch_note():
        w.para(note)
    for sid in ids:
        _sheet(w, plan, sid)
    if unplanned:
        _still_to_plan(w, plan, unplanned)


def _still_to_plan(w: PlanWriter, plan: PlanContext, ids: list[str]) -> None:
    """One compact table for the priority stakeholders with nothing recorded yet."""
    facts = plan.facts
    w.heading(_("Engagement still to plan"), 2)
    if plan.level == "full":
        w.para(
            _(
                "No objective, ask or next action is recorded yet for these priority "
                "stakeholders. Agree a first contact and a focal point for each, then record "
                "the engagement on the map to give them a sheet in the next plan."
            )
        )
    else:
        # This version never shows objectives or asks: it cannot say none is recorded.
        w.para(_(STILL_TO_PLAN_SHARED) if plan.has_branch else _(STILL_TO_PLAN_SHARED_NO_BRANCH))
    rows = []
    for sid in ids:
        messenger = facts.messengers.get(sid)
        contact = (
            plan.recorded_messenger(sid)
            or (messenger.contact if messenger else "")
            or (_("no trusted route yet") if plan.level == "full" else _(NO_ROUTE_SHARED_CELL))
        )
        row = [facts.label(sid), _(facts.quadrants[sid])]
        if plan.level == "full":
            row.append(_(facts.strategies[sid]))
        if plan.has_branch:
            row.append(capital(contact))
        if plan.level == "full":
            s = plan.stakeholder(sid)
            row.append(or_default(s.engagement.owner or s.focal_point, _("none yet")))
        rows.append(row)
    if plan.level == "full":
        columns = [
            (_("Stakeholder"), 4.2),
            (_("Quadrant"), 2.5),
            (_("Strategy"), 2.9),
            (_("Suggested first contact"), 4.6),
            (_("Focal point"), 2.4),
        ]
    else:
        # Nothing is suggested below Full: a messenger the branch marked, or to be agreed.
        columns = [(_("Stakeholder"), 5), (_("Quadrant"), 3), (_("First contact"), 6)]
    if not plan.has_branch:
        contact_columns = (_("Suggested first contact"), _("First contact"))
        columns = [c for c in columns if c[0] not in contact_columns]
    w.table([c[0] for c in columns], rows, [c[1] for c in columns])


def _sheet(w: PlanWriter, plan: PlanContext, sid: str) -> None:
    facts, s = plan.facts, plan.stakeholder(sid)
    e = s.engagement
    w.heading(s.label, 2)
    line = f"{facts.category(sid)} · {_(facts.quadrants[sid])}"
    if plan.level == "full":
        line += " · " + _("AIIM: {strategy}").format(strategy=_(facts.strategies[sid]).lower())
    reading = facts.readings.get(sid)
    if reading:
        line += " · " + _("network role: {role}").format(role=_(reading.role).lower())
    w.para(line, w.caption)
    messenger = facts.messengers.get(sid)
    suggested = messenger.sentence if messenger else ""
    recorded_messenger = plan.recorded_messenger(sid)
    markers = "\n".join(
        _("{name}: {text}").format(name=_(name), text=isolate(text.strip()))
        for name, text in (
            (N_("Expect to see"), e.expect_to_see),
            (N_("Like to see"), e.like_to_see),
            (N_("Love to see"), e.love_to_see),
        )
        if text.strip()
    )
    # Secondary fields get a row when filled and are listed together when empty, so
    # that a sheet fits on half a page.
    optional = {
        N_("Desired change"): e.desired_change.strip(),
        N_("Key messages"): e.key_messages.strip(),
        N_("Channel"): e.channel.strip(),
        N_("Timing window"): e.timing_window.strip(),
        N_("Progress markers"): markers,
        N_("Risks"): e.risks.strip(),
    }
    if plan.level != "full":
        # Held back by the export level for every stakeholder, not missing: never
        # listed as "not recorded".
        del optional["Desired change"], optional["Progress markers"], optional["Risks"]
    basis = _(APPROACH_BASIS["full" if plan.level == "full" else "partner"])
    approach = e.approach.strip() or (
        f"{suggested_approach(s, facts.quadrants[sid], plan.level)} {basis}"
    )
    recorded = (
        _("{name} (recorded on the map)").format(name=isolate(recorded_messenger))
        if recorded_messenger
        else ""
    )
    if not suggested:  # no branch named: nothing is suggested (the plan said why)
        messenger_text = recorded
    elif plan.level != "full":
        # Only what the branch recorded and marked, else one wording for everyone.
        messenger_text = recorded or suggested
    else:
        by_map = _("Suggested by the map: {suggestion}").format(suggestion=suggested)
        messenger_text = f"{recorded}\n{by_map}" if recorded else by_map
    if messenger and messenger.confidence_sentence:
        messenger_text += f"\n{messenger.confidence_sentence}"
    next_action = isolate(e.next_action.strip()) or (
        _("No next action recorded yet.") if plan.level == "full" else _(NO_NEXT_ACTION_SHARED)
    )
    if e.due_date:
        stop = "" if next_action.rstrip(PDI).endswith((".", "!", "?", "؟")) else "."
        due = _("Due {date}.").format(date=date_or_blank(e.due_date))
        next_action += f"{stop} {due}"
    status = _("MoU: {status}").format(status=mou_text(e.mou_status))
    if plan.level == "full":
        stage = stage_text(e.stage) if e.stage else _("not assessed yet")
        status = _("Engagement stage: {stage}").format(stage=stage) + " · " + status
    owner = None
    if plan.level == "full":
        owner = (
            N_("Our focal point"),
            or_default(e.owner or s.focal_point, _("No focal point yet.")),
        )
    # Below Full what we want from a stakeholder is withheld for all alike: no row.
    wanted = plan.level == "full"
    sequence = [
        wanted and (N_("Objective"), or_default(e.objective, _("No objective recorded yet."))),
        wanted and (N_("The ask"), or_default(e.ask, _("No ask recorded yet."))),
        (N_("Desired change"), optional.get("Desired change", "")),
        (N_("Key messages"), optional["Key messages"]),
        (N_("Approach"), approach),
        (N_("Messenger"), messenger_text),
        (N_("Channel"), optional["Channel"]),
        (N_("Timing window"), optional["Timing window"]),
        owner,
        (N_("Next action"), next_action),
        (N_("Status"), status),
        (N_("Progress markers"), optional.get("Progress markers", "")),
        (N_("Risks"), optional.get("Risks", "")),
    ]
    rows = [row for row in sequence if row and row[1]]
    principles = "\n".join(principle_titles(s.principles)) or _("None linked yet.")
    rows.append((N_("Principles of Action served"), principles))
    if plan.level == "full":
        rows.append((N_("Position / trust"), f"{score_text(s.position)} / {score_text(s.trust)}"))
        if s.person or s.contact:
            rows.append((N_("Contact person"), "\n".join(v for v in (s.person, s.contact) if v)))
    if reading:
        rows.append((N_("What the network says"), reading.sentence))
    missing = [_(name).lower() for name, value in optional.items() if not value]
    if missing:
        title = _("Not recorded yet") if plan.level == "full" else _(NOT_SHARED_ROW)
        rows.append((title, ", ".join(missing).capitalize() + "."))
    rows = [(_(label), value) for label, value in rows]
    w.table([], rows, [2, 5], header_row=False, first_column=True, keep_together=True)

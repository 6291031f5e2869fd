"""The executive summary: the map in one paragraph, key findings, first priorities
and the decisions requested of the director."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ....analysis.readings import single_points
from ....core.i18n import N_, _, format_date, format_number, isolate, ngettext, pgettext
from ....core.wording import counted
from ..context import PRIORITY_QUADRANTS, PlanContext
from ..options import SECTIONS
from ..priorities import PRIORITY_REASONS, first_priorities
from ..restricted import MIN_PUBLIC_COUNT, SMALL_COUNTS_NOTE, public_count, public_counted
from ..wording import names_list
from ..writer import PlanWriter

__all__ = ["write"]

#: Each part of a first priority, a whole sentence with named placeholders.
PRIORITY_LINE: dict[str, str] = {
    "who": N_("{name} — {reasons}."),
    "ask": N_("The ask: {ask}"),
    "no_ask": N_("No ask recorded yet."),
    "deadline": N_("Next action due {date}."),
    "overdue": N_("Next action overdue since {date}."),
    "no_deadline": N_("No deadline recorded yet."),
    "risk": N_("Main risk: {risk}"),
    "no_risk": N_("No risk recorded yet."),
    "through": N_("Through: {messenger}."),
    "no_messenger": N_("No messenger recorded or found."),
    "confidence": N_("Route confidence: {level}."),
}
#: A route's confidence as the first priorities name it.
CONFIDENCE_WORDS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
#: Before the first priorities.
FIRST_PRIORITIES_INTRO = N_(
    "The most pressing stakeholders by what the map records: agreements being negotiated "
    "and actions due come before power and interest (the rule is in the annex)."
)
#: When no stakeholder has anything pressing recorded.
NO_PRIORITIES = N_(
    "Nothing on the map makes a stakeholder pressing yet: rate power and interest, and "
    "record agreements and next actions with their due dates, to set priorities."
)


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["summary"]))
    smap, facts = plan.smap, plan.facts
    counts = Counter(facts.quadrants[sid] for sid in facts.targets)
    relationships = counted(len(smap.relationships), "relationship", "relationships")
    close, satisfied = counts["Manage closely"], counts["Keep satisfied"]
    if not plan.per_actor:
        w.para(_public_lead(plan, relationships, close, satisfied))
    else:
        w.para(_lead(plan, relationships, close, satisfied))
    if note := plan.missing_branch_note():
        w.para(note)
    if plan.omitted:
        w.para(
            ngettext(
                "{count} stakeholder marked confidential is left out of this version.",
                "{count} stakeholders marked confidential are left out of this version.",
                plan.omitted,
            ).format(count=format_number(plan.omitted))
        )
    w.heading(_("Key findings"), 2)
    if plan.per_actor:
        findings = facts.findings or [
            _("No findings yet: add relationships to the map to reveal brokers and coalitions.")
        ]
    else:
        findings = _public_findings(plan)
    w.bullets(findings)
    if not plan.per_actor and _suppressed(plan, close, satisfied):
        w.para(_(SMALL_COUNTS_NOTE))
    if plan.per_actor and facts.more_findings:
        more = len(facts.more_findings)
        w.para(
            ngettext(
                "The {count} finding of lesser weight is listed in the annex, under "
                "“Further findings”.",
                "The {count} findings of lesser weight are listed in the annex, under "
                "“Further findings”.",
                more,
            ).format(count=format_number(more)),
            w.caption,
        )
    if plan.per_actor:
        top = first_priorities(plan.smap, facts.targets, facts.quadrants, plan.today)
        w.heading(_("First priorities"), 2)
        if top:
            w.para(_(FIRST_PRIORITIES_INTRO), w.caption)
            for sid, reasons in top:
                # The name leads in bold, so the five can be told apart at a glance.
                who = _(PRIORITY_LINE["who"])
                lead = who.split("{reasons}", 1)[0].format(name=isolate(facts.label(sid)))
                line = _priority_line(plan, sid, reasons)
                w.para(line.removeprefix(lead), w.bullet, bold_lead=lead)
        else:
            w.para(_(NO_PRIORITIES))
    if plan.level == "full":
        decisions = _decisions(plan)
        if decisions:
            w.heading(_("Decisions requested"), 2)
            w.bullets(decisions)


def _lead(plan: PlanContext, relationships: str, close: int, satisfied: int) -> str:
    """The summary's opening: whom the plan engages, where, and how many need close
    management or must be kept satisfied (Full and Partner versions)."""
    facts, city = plan.facts, plan.smap.info.city
    n = len(facts.targets)
    if facts.branch is not None:
        targets = ngettext("{count} other stakeholder", "{count} other stakeholders", n)
    else:
        targets = ngettext("{count} stakeholder", "{count} stakeholders", n)
    targets = targets.format(count=format_number(n))
    if city:
        opening = _(
            "This plan sets out how {who} will engage the {targets} mapped in {city}, "
            "linked by {relationships}."
        )
    else:
        opening = _(
            "This plan sets out how {who} will engage the {targets} mapped, linked by "
            "{relationships}."
        )
    opening = opening.format(
        who=plan.our_side(), targets=targets, city=city, relationships=relationships
    )
    if close:
        managed = ngettext(
            "Of these, {count} is rated high on both power and interest and needs close "
            "management;",
            "Of these, {count} are rated high on both power and interest and need close "
            "management;",
            close,
        ).format(count=format_number(close))
    else:
        managed = _(
            "Of these, none are rated high on both power and interest and need close management;"
        )
    if satisfied:
        kept = ngettext(
            "{count} is rated high on power only and must be kept satisfied.",
            "{count} are rated high on power only and must be kept satisfied.",
            satisfied,
        ).format(count=format_number(satisfied))
    else:
        kept = _("none are rated high on power only and must be kept satisfied.")
    return f"{opening} {managed} {kept}"


def _decisions(plan: PlanContext) -> list[str]:
    """What the director is asked to decide, read from the map: agreements being
    drafted or due for renewal, priority stakeholders without a focal point, and
    overdue actions (internal version only: it names focal points and owners)."""
    facts = plan.facts

    def named(ids: Sequence[str], most: int = 5) -> str:
        names = [isolate(facts.label(sid)) for sid in ids[:most]]
        if len(ids) > most:
            more = len(ids) - most
            names.append(
                ngettext("{count} more", "{count} more", more).format(count=format_number(more))
            )
        return names_list(names)

    def with_status(status: str) -> list[str]:
        return [
            sid for sid in facts.targets if plan.stakeholder(sid).engagement.mou_status == status
        ]

    found = []
    if drafting := with_status("drafting"):
        found.append(
            _("Approve the approach to the MoU being drafted with {names}.").format(
                names=named(drafting)
            )
        )
    if renewal := with_status("renewal due"):
        found.append(_("Agree to renew the agreement with {names}.").format(names=named(renewal)))
    unowned = [
        sid
        for sid in facts.targets
        if facts.quadrants[sid] in PRIORITY_QUADRANTS
        and not (plan.stakeholder(sid).engagement.owner or plan.stakeholder(sid).focal_point)
    ]
    if unowned:
        found.append(
            ngettext(
                "Assign a focal point to the {count} priority stakeholder without one: {names}.",
                "Assign a focal point to the {count} priority stakeholders without one: {names}.",
                len(unowned),
            ).format(count=format_number(len(unowned)), names=named(unowned))
        )
    overdue = [
        sid
        for sid in facts.targets
        if (e := plan.stakeholder(sid).engagement).next_action.strip()
        and e.due_date
        and e.due_date < plan.today
    ]
    if overdue:
        found.append(
            ngettext(
                "Follow up the {count} overdue action, with {names}.",
                "Follow up the {count} overdue actions, with {names}.",
                len(overdue),
            ).format(count=format_number(len(overdue)), names=named(overdue))
        )
    return found


def _priority_line(plan: PlanContext, sid: str, reasons: tuple[str, ...]) -> str:
    """One first priority: who and why, the ask, the deadline and the main risk (the ask
    and the risk in the internal version only), and through whom: a messenger recorded
    on the map first, then the map's suggestion and its route's confidence."""
    facts, e = plan.facts, plan.stakeholder(sid).engagement
    why = _("; ").join(_(PRIORITY_REASONS[r]) for r in reasons)
    line = {key: _(text) for key, text in PRIORITY_LINE.items()}
    parts = [line["who"].format(name=isolate(facts.label(sid)), reasons=why)]
    full = plan.level == "full"
    if full:
        ask = e.ask.strip()
        parts.append(line["ask"].format(ask=isolate(_stopped(ask))) if ask else line["no_ask"])
    if e.due_date is None or not e.next_action.strip():
        parts.append(line["no_deadline"])
    else:
        key = "overdue" if e.due_date < plan.today else "deadline"
        parts.append(line[key].format(date=format_date(e.due_date, short=True)))
    if full:
        risk = _first_sentence(e.risks)
        parts.append(line["risk"].format(risk=isolate(risk)) if risk else line["no_risk"])
    recorded = plan.recorded_messenger(sid)
    messenger = facts.messengers.get(sid)
    suggested = messenger.short if messenger else ""
    through = [_("recorded messenger: {name}").format(name=isolate(recorded))] if recorded else []
    if suggested and (plan.level == "full" or not recorded):
        through.append(suggested)
    if through:
        parts.append(line["through"].format(messenger=_("; ").join(through)))
    elif messenger is not None and facts.branch is not None:
        # Why the map suggests no one: no route, or none short enough.
        parts.append(messenger.sentence)
    elif plan.has_branch:
        parts.append(line["no_messenger"])
    # Without a branch nothing is said here: the plan said once, at the top, why.
    if messenger and messenger.confidence:
        level = messenger.confidence.level
        parts.append(line["confidence"].format(level=_(CONFIDENCE_WORDS.get(level, level))))
    return " ".join(parts)


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when it has one), ending with a stop."""
    text = " ".join(text.split())
    return _stopped(text.split(". ", 1)[0]) if text else ""


def _stopped(text: str) -> str:
    """``text`` ending with a full stop unless it ends with one already (or ! or ?)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _public_lead(plan: PlanContext, relationships: str, close: int, satisfied: int) -> str:
    """The Public version's opening: counts of one or two would point at actors, so they
    read "fewer than 3" and no count chooses a singular."""
    facts, city = plan.facts, plan.smap.info.city
    n = len(facts.targets)
    if facts.branch is not None:
        targets = public_counted(n, "other stakeholder", "other stakeholders")
    else:
        targets = public_counted(n, "stakeholder", "stakeholders")
    if city:
        text = _(
            "This plan sets out how {who} will engage the {targets} mapped in {city}, linked "
            "by {relationships}. Of these, {close} are rated high on both power and interest "
            "and need close management; {satisfied} are rated high on power only and must be "
            "kept satisfied."
        )
    else:
        text = _(
            "This plan sets out how {who} will engage the {targets} mapped, linked by "
            "{relationships}. Of these, {close} are rated high on both power and interest and "
            "need close management; {satisfied} are rated high on power only and must be kept "
            "satisfied."
        )
    none = pgettext("no stakeholders", "none")
    return text.format(
        who=plan.our_side(),
        targets=targets,
        city=isolate(city),
        relationships=relationships,
        close=public_count(close) if close else none,
        satisfied=public_count(satisfied) if satisfied else none,
    )


#: The Public version's finding for one or two single points of failure: a count of one
#: would point at an actor.
FEW_CUT_POINTS = N_(
    "Fewer than 3 stakeholders are single points of failure: without any one of them, part "
    "of the network would lose its link to the rest."
)


#: The Public findings' largest categories, after "… in 13 categories".
def _map_covers(stakeholders: str, cats: Counter[str]) -> str:
    """The Public findings' first sentence: how many stakeholders in how many categories,
    and the largest categories, named only from 3 members on and never counted: a
    category's size beside the table of priorities would give its small counts away."""
    categories = counted(len(cats), "category", "categories")
    named = [isolate(name) for name, n in cats.most_common(3) if n >= MIN_PUBLIC_COUNT]
    if not named:
        return _("The map covers {stakeholders} in {categories}.").format(
            stakeholders=stakeholders, categories=categories
        )
    return _(
        "The map covers {stakeholders} in {categories}; the largest groups are {names}."
    ).format(stakeholders=stakeholders, categories=categories, names=_(", ").join(named))


def _public_findings(plan: PlanContext) -> list[str]:
    smap, facts = plan.smap, plan.facts
    cats = Counter(facts.category(sid) for sid in smap.stakeholders)
    communities = facts.metrics["community"].dropna().nunique() if len(facts.metrics) else 0
    cut = len(single_points(facts.metrics))
    items = [
        _map_covers(public_counted(len(smap.stakeholders), "stakeholder", "stakeholders"), cats),
        _(
            "The network falls into {coalitions} (groups that are more tied to each other than "
            "to the rest)."
        ).format(coalitions=counted(int(communities), "coalition", "coalitions")),
    ]
    if 0 < cut < MIN_PUBLIC_COUNT:
        items.append(_(FEW_CUT_POINTS))
    elif cut:
        items.append(
            ngettext(
                "{count} stakeholder is a single point of failure: without any one of them, "
                "part of the network would lose its link to the rest.",
                "{count} stakeholders are single points of failure: without any one of them, "
                "part of the network would lose its link to the rest.",
                cut,
            ).format(count=format_number(cut))
        )
    return items


def _suppressed(plan: PlanContext, *counts: int) -> bool:
    """Whether the Public summary printed a count of 1 or 2 as "fewer than 3": one of
    ``counts`` (the opening's) or of the key findings'."""
    facts = plan.facts
    cut = len(single_points(facts.metrics))
    shown = [*counts, len(facts.targets), len(plan.smap.stakeholders), cut]
    return any(0 < n < MIN_PUBLIC_COUNT for n in shown)

"""The words of the participants' page, through the app's one catalogue.

The page asks for them in the participant's language (``/api/messages/fr``) and writes
them itself, so the page's files hold no text and the catalogue holds every word.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.i18n import LANGUAGES, N_, _, is_right_to_left, speaking

__all__ = ["MESSAGES", "page_messages"]

MESSAGES: Mapping[str, str] = {
    "title": N_("Workshop"),
    "join_heading": N_("Join the workshop"),
    "room_code": N_("Room code (6 digits)"),
    "nickname": N_("Your name or nickname"),
    "anonymous": N_("Leave the name empty to take part anonymously."),
    "join": N_("Join"),
    "joined_as": N_("You take part as {name}."),
    "joined_anonymously": N_("You take part anonymously."),
    "waiting": N_("Waiting for the facilitator to open a stakeholder…"),
    "rate_heading": N_("Rate"),
    "power": N_("Power"),
    "interest": N_("Interest"),
    "position": N_("Position"),
    "influence": N_("Influence"),
    "dont_know": N_("Don't know"),
    "send": N_("Send"),
    "sent": N_("Sent. You can change it until the facilitator moves on."),
    "propose_heading": N_("Propose a relationship"),
    "from": N_("From"),
    "to": N_("To"),
    "kind": N_("Kind"),
    "strength": N_("Strength"),
    "propose": N_("Propose"),
    "proposed": N_("Proposed. The facilitator will accept or reject it."),
    "votes_heading": N_("Dot votes"),
    "dots_left": N_("Dots left: {count}"),
    "results_heading": N_("The group's answers (medians)"),
    "offline": N_("No connection to the facilitator's computer. Retrying…"),
    "error_bad_room": N_("This room code is not right. Check the code on the screen."),
    "error_too_many_tries": N_("Too many wrong codes. Wait a minute and try again."),
    "error_room_full": N_("The room is full."),
    "error_bad_nickname": N_("A name of at most 40 letters, please."),
    "error_bad_token": N_("You are no longer in the room. Join again."),
    "error_replayed": N_("This answer was already received."),
    "error_bad_sequence": N_("This answer was already received."),
    "error_unknown_stakeholder": N_("This stakeholder is no longer open."),
    "error_unknown_kind": N_("Choose a kind of relationship from the list."),
    "error_same_stakeholder": N_("Choose two different stakeholders."),
    "error_bad_power": N_("Power is rated from 1 to 5."),
    "error_bad_interest": N_("Interest is rated from 1 to 5."),
    "error_bad_position": N_("Position is rated from −2 to +2."),
    "error_bad_influence": N_("Influence is rated from 0 to 10."),
    "error_bad_strength": N_("Strength is rated from 1 to 5."),
    "error_bad_dots": N_("No more dots than you have."),
    "error_no_dots_left": N_("No dots left: take one from another stakeholder first."),
    "error_too_many_proposals": N_("You have proposed the most relationships allowed."),
    "error_too_many_requests": N_("Too many answers at once. Wait a moment."),
    "error_too_large": N_("This answer is too long."),
    "error_bad_json": N_("The page sent something unreadable. Reload the page."),
    "error_not_found": N_("The page sent something unreadable. Reload the page."),
}


def page_messages(code: str) -> dict[str, str]:
    """Every word of the page in language ``code`` (English when not an interface
    language), with ``dir`` ("rtl" or "ltr") and ``lang`` for the page's layout."""
    chosen = code if code in LANGUAGES else "en"
    with speaking(chosen):
        words = {key: _(message) for key, message in MESSAGES.items()}
    words["lang"] = chosen
    words["dir"] = "rtl" if is_right_to_left(chosen) else "ltr"
    return words

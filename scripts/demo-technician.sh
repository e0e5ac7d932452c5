#!/usr/bin/env bash
# The demo's technician: a handler for `machina-mail listen --exec CMD`.
#
#   machina-mail --config technician.yaml listen --exec scripts/demo-technician.sh
#
# Reads one message as JSON on stdin (see README, `listen`) and prints the
# technician's answer, which machina-mail sends back as the reply:
#   - a work-order notification (an id like WO-2026-42 in the subject, else in
#     the text): "ACK [WO-...]. On my way to ASSET, ..." (ACK: the reply code the
#     console reads as an acknowledgement) where ASSET
#     is the token after "]" in the subject (else the text's "Asset:" line) and
#     the ETA follows the priority;
#   - a follow-up ("Re: ...") on a work order: a short "noted";
#   - no work-order id: a request for one.
# Only mail from the supervisor is answered ($DEMO_SUPERVISOR, default
# supervisor@machina.test): for any other sender it prints nothing and exits 0
# (handled, no reply), so alarms, the technician's own mail and automatic
# replies never start a mail loop.
#
# Exit status: 0 when handled (with or without a reply); 1 when the input is not
# a message as JSON or jq is missing (machina-mail then leaves the mail unseen).
set -euo pipefail

supervisor=${DEMO_SUPERVISOR:-supervisor@machina.test}
signature="-- Jonas (demo technician)"

command -v jq >/dev/null || { echo "demo-technician: jq is missing (scripts/setup.sh installs it)" >&2; exit 1; }

json=$(cat)
field() { jq -er --arg k "$1" 'if type == "object" then (.[$k] // "" | tostring) else error("not an object") end' <<<"$json"; }
from=$(field from) || { echo "demo-technician: stdin is not a message as JSON" >&2; exit 1; }
subject=$(field subject)
text=$(field text)

lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }
[ -n "$from" ] && [ "$(lower "$from")" = "$(lower "$supervisor")" ] || exit 0

# The first work-order id in $1 (as the console finds them: WO-<digits>[-<digits>...],
# not inside a longer word), upper-cased; empty if none.
work_order() {
    local re='(^|[^A-Za-z0-9])([Ww][Oo]-[0-9]+(-[0-9]+)*)([^A-Za-z0-9-]|-[^0-9]|-$|$)'
    if [[ $1 =~ $re ]]; then
        local id=${BASH_REMATCH[2]}
        printf 'WO-%s' "${id:3}"
    fi
}

# "Re: Re: AW: subject" -> "subject"; sets $is_reply.
is_reply=0
topic=$subject
while [[ $topic =~ ^[[:space:]]*([Rr][Ee]|[Aa][Ww]|[Ss][Vv])[[:space:]]*:[[:space:]]*(.*)$ ]]; do
    topic=${BASH_REMATCH[2]}
    is_reply=1
done

wo=$(work_order "$topic")
[ -n "$wo" ] || wo=$(work_order "$text")

if [ -z "$wo" ]; then
    printf '%s\n%s\n' \
        "Received, but I see no work-order number (like WO-2026-42) in your message. Could you send it again with the work order, so I can book the job against it?" \
        "$signature"
    exit 0
fi

if [ "$is_reply" = 1 ]; then
    printf '%s\n%s\n' "Thanks, noted for [$wo]. I will report back when the job is done." "$signature"
    exit 0
fi

# The asset: the token after "]" in the subject when it looks like a tag
# (P-201, C-104, V-12), else the text's "Asset: ..." line.
asset=""
asset_re='\][[:space:]]*([A-Za-z]{1,5}-?[0-9][A-Za-z0-9./-]*)'
if [[ $topic =~ $asset_re ]]; then
    asset=${BASH_REMATCH[1]}
else
    line_re='(^|'$'\n'')[[:blank:]]*[Aa]sset:[[:blank:]]*([^'$'\n'']*[^[:space:]])'
    if [[ $text =~ $line_re ]]; then asset=${BASH_REMATCH[2]}; fi
    case $(lower "$asset") in ""|"-"|"n/a"|none|"(none)") asset="" ;; esac
fi

asset=${asset%.}

# The priority: "(priority High)" in the subject, else a "Priority: High" line.
priority=""
prio_subject_re='\([Pp]riority[[:space:]]+([A-Za-z]+)\)'
prio_line_re='(^|'$'\n'')[[:blank:]]*[Pp]riority:[[:blank:]]*([A-Za-z]+)'
if [[ $topic =~ $prio_subject_re ]]; then
    priority=$(lower "${BASH_REMATCH[1]}")
elif [[ $text =~ $prio_line_re ]]; then
    priority=$(lower "${BASH_REMATCH[2]}")
fi
where=${asset:+" to $asset"}
case $priority in
    emergency|critical|urgent) answer="Dropping everything and on my way${where}, on site in about 10 minutes." ;;
    high) answer="On my way${where}, on site in about 20 minutes." ;;
    low) answer="I will get${where:- there} later today." ;;
    *) answer="I will be on my way${where} within the hour." ;;
esac
printf '%s\n%s\n' "ACK [$wo]. $answer" "$signature"

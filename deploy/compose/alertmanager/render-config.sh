#!/bin/sh
# Entrypoint of the compose Alertmanager: Alertmanager reads no environment variables, and the
# url_file of newer versions is unknown to the amtool (Debian's 0.25) that checks the configuration
# in the build. So the receiver's URL, a secret, is written over the placeholder into a copy of the
# configuration in the container's tmpfs, then the command runs.
# Usage: render-config.sh TEMPLATE OUTPUT COMMAND [ARGUMENT...]   (needs ALERT_WEBHOOK_URL)
set -eu
template=$1
output=$2
shift 2
placeholder='https://alert-webhook.invalid/storeops'
: "${ALERT_WEBHOOK_URL:?ALERT_WEBHOOK_URL must be set (deploy/compose/.env): where Alertmanager posts alerts}"
case $ALERT_WEBHOOK_URL in
  http://* | https://*) ;;
  *) echo "ALERT_WEBHOOK_URL must be an http(s) URL" >&2; exit 2 ;;
esac
case $ALERT_WEBHOOK_URL in
  *"'"*) echo "ALERT_WEBHOOK_URL must not contain a single quote" >&2; exit 2 ;;
esac
grep -qF "$placeholder" "$template" || { echo "$template has no $placeholder to replace" >&2; exit 2; }
umask 077
# Plain string splitting, not sed: a URL's & / | \ characters stay exactly as given.
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    *"$placeholder"*) printf '%s%s%s\n' "${line%%"$placeholder"*}" "$ALERT_WEBHOOK_URL" "${line#*"$placeholder"}" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$template" > "$output"
exec "$@"

#!/usr/bin/env bash
# Installs (Debian apt) and configures a local Postfix as the alert-email benchmark's SMTP server: it accepts every
# message from localhost on port 25, queues it as it would for delivery, then discards it, and logs each accepted
# message's Message-ID to /var/log/postfix-bench.log, which bench/alert-email.sh counts (SMTP=postfix). Needs root.
#
#   bench/postfix-sink.sh && SMTP=postfix bench/alert-email.sh 100000 2 4
set -euo pipefail
if ! command -v postfix > /dev/null; then
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string harmwatch.bench" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix
fi
postconf -e "inet_interfaces = loopback-only" "inet_protocols = ipv4" "myhostname = harmwatch.bench" \
  "mydestination =" "mynetworks = 127.0.0.0/8" "smtpd_relay_restrictions = permit_mynetworks, reject" \
  "default_transport = discard:benchmark" "relay_transport = discard:benchmark" "alias_maps =" \
  "local_recipient_maps =" "in_flow_delay = 0" "smtpd_client_connection_count_limit = 0" \
  "smtpd_client_connection_rate_limit = 0" "smtpd_client_message_rate_limit = 0" "default_process_limit = 100" \
  "disable_dns_lookups = yes" "smtp_dns_support_level = disabled" "smtputf8_enable = no" \
  "maillog_file = /var/log/postfix-bench.log"
postfix status > /dev/null 2>&1 && postfix reload || postfix start

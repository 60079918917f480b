#!/bin/bash
# Runs the compose broker as the Kubernetes one runs: clients log in with SCRAM-SHA-512 and the KRaft
# StandardAuthorizer grants nothing but the ACLs below. The users are written when the storage is first
# formatted; the controller listener answers on the container's loopback only. Passwords come from the
# environment (development values in docker-compose.yml; a real deployment supplies its own).
#   kafka-security.sh broker   format the storage once, then run the broker
#   kafka-security.sh init     create the topics and grant each principal its ACLs (safe to repeat)
set -euo pipefail
KAFKA=/opt/kafka/bin
CONFIG=/tmp/server.properties
ADMIN=/tmp/admin.properties
USERS="account reminder contact-channel complaint agency corebanking"

admin_properties() {
  cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is not set}";
PROPERTIES
}

broker() {
  admin_properties
  cat > "$CONFIG" <<PROPERTIES
node.id=1
process.roles=broker,controller
listeners=CLIENTS://:9092,CONTROLLER://localhost:9093
advertised.listeners=CLIENTS://kafka:9092
listener.security.protocol.map=CLIENTS:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.voters=1@localhost:9093
inter.broker.listener.name=CLIENTS
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# ANONYMOUS is the controller listener's principal, and that listener is reachable inside this container alone.
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPERTIES
  local user variable credentials=(--add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]")
  for user in $USERS; do
    variable="KAFKA_PASSWORD_${user//-/_}"
    credentials+=(--add-scram "SCRAM-SHA-512=[name=${user},password=${!variable:?${variable} is not set}]")
  done
  "$KAFKA/kafka-storage.sh" format --config "$CONFIG" --cluster-id "${KAFKA_CLUSTER_ID:?KAFKA_CLUSTER_ID is not set}" \
    --ignore-formatted "${credentials[@]}"
  exec "$KAFKA/kafka-server-start.sh" "$CONFIG"
}

# grant USER topic|group NAME literal|prefixed OPERATION[,OPERATION...]
grant() {
  local user=$1 type=$2 name=$3 pattern=$4 operations=$5 operation
  local resource=(--topic "$name")
  if [ "$type" = group ]; then resource=(--group "$name"); fi
  for operation in ${operations//,/ }; do
    "$KAFKA/kafka-acls.sh" --bootstrap-server kafka:9092 --command-config "$ADMIN" --add --allow-principal "User:$user" \
      --resource-pattern-type "$pattern" --operation "$operation" "${resource[@]}" > /dev/null
  done
}

init() {
  admin_properties
  local topic
  for topic in ${KAFKA_TOPICS:?KAFKA_TOPICS is not set}; do
    "$KAFKA/kafka-topics.sh" --bootstrap-server kafka:9092 --command-config "$ADMIN" --create --if-not-exists \
      --partitions 6 --replication-factor 1 --topic "$topic"
  done
  # The ACLs of deploy/k8s/base/kafka-users.yaml, one line each; ComposeFileTest keeps the two equal.
  grant account topic arrears.payment-due-soon.v1 literal Write,Describe
  grant account topic arrears.payment-missed.v1 literal Write,Describe
  grant account topic arrears.payment-received.v1 literal Write,Describe
  grant account topic arrears.plan-broken.v1 literal Write,Describe
  grant account topic arrears.plan-completed.v1 literal Write,Describe
  grant account topic arrears.plan-rejected.v1 literal Write,Describe
  grant account topic corebanking.statements.v1 literal Read,Describe
  grant account topic corebanking.payments.v1 literal Read,Describe
  grant account topic corebanking.business-day.v1 literal Read,Describe
  grant account topic arrears.plan-agreed.v1 literal Read,Describe
  grant account topic corebanking.statements.v1.dlq literal Read,Write,Describe
  grant account topic corebanking.payments.v1.dlq literal Read,Write,Describe
  grant account topic corebanking.business-day.v1.dlq literal Read,Write,Describe
  grant account topic arrears.plan-agreed.v1.dlq literal Read,Write,Describe
  grant account group arrears-account literal Read
  # The end-of-day run paces itself on how far behind these groups are: it may look at them, never join them.
  grant account group arrears-reminder literal Describe
  grant account group arrears-contact-channel literal Describe
  grant account topic arrears.reminder-requested.v1 literal Describe
  grant reminder topic arrears.reminder-requested.v1 literal Write,Describe
  grant reminder topic arrears.plan-agreed.v1 literal Write,Describe
  grant reminder topic arrears.case-escalated.v1 literal Write,Describe
  grant reminder topic arrears.agent-call-logged.v1 literal Write,Describe
  grant reminder topic arrears.payment-due-soon.v1 literal Read,Describe
  grant reminder topic arrears.payment-missed.v1 literal Read,Describe
  grant reminder topic arrears.payment-received.v1 literal Read,Describe
  grant reminder topic arrears.plan-broken.v1 literal Read,Describe
  grant reminder topic arrears.plan-completed.v1 literal Read,Describe
  grant reminder topic arrears.plan-rejected.v1 literal Read,Describe
  grant reminder topic arrears.complaint-opened.v1 literal Read,Describe
  grant reminder topic arrears.complaint-resolved.v1 literal Read,Describe
  grant reminder topic arrears.reminder-sent.v1 literal Read,Describe
  grant reminder topic arrears.payment-due-soon.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.payment-missed.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.payment-received.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.plan-broken.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.plan-completed.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.plan-rejected.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.complaint-opened.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.complaint-resolved.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.reminder-sent.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.account-placed.v1 literal Read,Describe
  grant reminder topic arrears.account-recalled.v1 literal Read,Describe
  grant reminder topic arrears.agency-action-reported.v1 literal Read,Describe
  grant reminder topic arrears.account-placed.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.account-recalled.v1.dlq literal Read,Write,Describe
  grant reminder topic arrears.agency-action-reported.v1.dlq literal Read,Write,Describe
  grant reminder group arrears-reminder literal Read
  grant contact-channel topic arrears.reminder-sent.v1 literal Write,Describe
  grant contact-channel topic corebanking.customers.v1 literal Read,Describe
  grant contact-channel topic arrears.reminder-requested.v1 literal Read,Describe
  grant contact-channel topic arrears.plan-agreed.v1 literal Read,Describe
  grant contact-channel topic arrears.complaint-opened.v1 literal Read,Describe
  grant contact-channel topic arrears.complaint-resolved.v1 literal Read,Describe
  grant contact-channel topic arrears.agent-call-logged.v1 literal Read,Describe
  grant contact-channel topic corebanking.customers.v1.dlq literal Read,Write,Describe
  grant contact-channel topic arrears.reminder-requested.v1.dlq literal Read,Write,Describe
  grant contact-channel topic arrears.plan-agreed.v1.dlq literal Read,Write,Describe
  grant contact-channel topic arrears.complaint-opened.v1.dlq literal Read,Write,Describe
  grant contact-channel topic arrears.complaint-resolved.v1.dlq literal Read,Write,Describe
  grant contact-channel topic arrears.agent-call-logged.v1.dlq literal Read,Write,Describe
  grant contact-channel topic arrears.agency-action-reported.v1 literal Read,Describe
  grant contact-channel topic arrears.agency-action-reported.v1.dlq literal Read,Write,Describe
  grant contact-channel group arrears-contact-channel literal Read
  grant complaint topic arrears.complaint-opened.v1 literal Write,Describe
  grant complaint topic arrears.complaint-resolved.v1 literal Write,Describe
  grant complaint topic arrears.reminder-sent.v1 literal Read,Describe
  grant complaint topic arrears.payment-missed.v1 literal Read,Describe
  grant complaint topic arrears.reminder-sent.v1.dlq literal Read,Write,Describe
  grant complaint topic arrears.payment-missed.v1.dlq literal Read,Write,Describe
  grant complaint topic arrears.agency-action-reported.v1 literal Read,Describe
  grant complaint topic arrears.agency-action-reported.v1.dlq literal Read,Write,Describe
  grant complaint group arrears-complaint literal Read
  grant agency topic arrears.account-placed.v1 literal Write,Describe
  grant agency topic arrears.account-recalled.v1 literal Write,Describe
  grant agency topic arrears.agency-action-reported.v1 literal Write,Describe
  grant agency topic arrears.payment-missed.v1 literal Read,Describe
  grant agency topic corebanking.customers.v1 literal Read,Describe
  grant agency topic arrears.case-escalated.v1 literal Read,Describe
  grant agency topic arrears.payment-received.v1 literal Read,Describe
  grant agency topic arrears.complaint-opened.v1 literal Read,Describe
  grant agency topic arrears.complaint-resolved.v1 literal Read,Describe
  grant agency topic arrears.plan-agreed.v1 literal Read,Describe
  grant agency topic arrears.reminder-sent.v1 literal Read,Describe
  grant agency topic arrears.agent-call-logged.v1 literal Read,Describe
  grant agency topic arrears.payment-missed.v1.dlq literal Read,Write,Describe
  grant agency topic corebanking.customers.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.case-escalated.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.payment-received.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.complaint-opened.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.complaint-resolved.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.plan-agreed.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.reminder-sent.v1.dlq literal Read,Write,Describe
  grant agency topic arrears.agent-call-logged.v1.dlq literal Read,Write,Describe
  grant agency group arrears-agency literal Read
  grant corebanking topic corebanking. prefixed Write,Describe
}

case "${1:-}" in
  broker) broker ;;
  init) init ;;
  *) echo "usage: kafka-security.sh broker|init" >&2; exit 2 ;;
esac

package io.arrears.reminder.strategy;

/** Which ladder a case follows: its experiment arm, its segment, and the bucket it is in. */
record LadderKey(String arm, String segment, String bucket) {
}

package io.arrears.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

    private final List<Set<String>> groups = new CopyOnWriteArrayList<>();
    private final List<String> alone = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstGroupStarted = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private GroupCommit<String> commit;

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
        if (commit != null) {
            commit.close();
        }
    }

    @Test
    void itemsQueuedWhileAGroupCommitsAreCommittedTogetherInTheNext() throws Exception {
        commit = grouped(this::recordHoldingTheFirstGroup, alone::add, 100);

        Map<String, Future<?>> calls = submitWhileTheFirstCommits("a", List.of("b", "c", "d"));

        for (Future<?> call : calls.values()) {
            call.get(10, TimeUnit.SECONDS);
        }
        assertThat(groups).containsExactly(Set.of("a"), Set.of("b", "c", "d"));
        assertThat(alone).isEmpty();
    }

    @Test
    void aGroupThatFailsIsRecordedOneByOneAndOnlyTheItemThatFailsAloneFailsItsCaller() throws Exception {
        commit = grouped(group -> {
            if (group.contains("bad")) {
                throw new IllegalArgumentException("a group with a bad item");
            }
            recordHoldingTheFirstGroup(group);
        }, item -> {
            if (item.equals("bad")) {
                throw new IllegalArgumentException("bad on its own");
            }
            alone.add(item);
        }, 100);

        Map<String, Future<?>> calls = submitWhileTheFirstCommits("first", List.of("good", "bad", "fine"));

        calls.get("first").get(10, TimeUnit.SECONDS);
        calls.get("good").get(10, TimeUnit.SECONDS);
        calls.get("fine").get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> calls.get("bad").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("bad on its own");
        assertThat(groups).containsExactly(Set.of("first"));
        assertThat(alone).containsExactlyInAnyOrder("good", "fine");
    }

    /**
     * A group that fails because the database is away fails every caller at once: taken one by one, each item would
     * wait for a connection of its own and fail the same way, while every caller waited for the whole group.
     */
    @Test
    void aGroupThatFailsBecauseTheDatabaseIsAwayFailsEveryCallerAtOnce() throws Exception {
        RuntimeException away = new IllegalStateException("recording failed",
                new java.sql.SQLException("Connection to 127.0.0.1:15432 refused.", "08001"));
        commit = grouped(group -> {
            if (firstGroupStarted.getCount() > 0) {
                recordHoldingTheFirstGroup(group);
                return;
            }
            throw away;
        }, alone::add, 100);

        Map<String, Future<?>> calls = submitWhileTheFirstCommits("first", List.of("b", "c", "d"));

        calls.get("first").get(10, TimeUnit.SECONDS);
        for (String item : List.of("b", "c", "d")) {
            assertThatThrownBy(() -> calls.get(item).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(GroupCommit.NotRecorded.class).hasCause(away);
        }
        assertThat(alone).as("nothing tried one by one").isEmpty();
    }

    /**
     * An SMS centre's session threads carry the answers to our sends too: a receipt holds one no longer than asked,
     * however long its group takes, and is recorded when the group commits after all. While that group is stuck, a
     * receipt behind it is refused at once.
     */
    @Test
    void aCallerWaitsNoLongerThanAskedAndItsItemIsStillRecordedAfter() throws Exception {
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        commit = new GroupCommit<>("test", group -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> databaseAnswers.getCount() == 0);
            groups.add(Set.copyOf(group));
        }, alone::add, 100, Duration.ofMillis(200), Duration.ofMinutes(1));

        assertThatThrownBy(() -> commit.submit("slow")).isInstanceOf(GroupCommit.NotRecorded.class)
                .hasMessageContaining("not committed within");
        assertThatThrownBy(() -> commit.submit("behind")).as("refused at once while the group is stuck")
                .isInstanceOf(GroupCommit.NotRecorded.class).hasMessageContaining("has not answered");
        databaseAnswers.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> groups.contains(Set.of("slow")));
        commit.submit("after");
        assertThat(groups).containsExactly(Set.of("slow"), Set.of("after"));
    }

    /** Right after a group found the database away, an item is refused at once, without a transaction of its own. */
    @Test
    void aMomentAfterTheDatabaseIsFoundAwayItemsAreRefusedWithoutBeingTried() {
        RuntimeException away = new IllegalStateException("recording failed",
                new java.sql.SQLException("Connection to 127.0.0.1:15432 refused.", "08001"));
        List<List<String>> tried = new CopyOnWriteArrayList<>();
        commit = new GroupCommit<>("test", group -> {
            tried.add(group);
            throw away;
        }, alone::add, 100, Duration.ofSeconds(10), Duration.ofMinutes(1));

        assertThatThrownBy(() -> commit.submit("first")).isInstanceOf(GroupCommit.NotRecorded.class).hasCause(away);
        assertThatThrownBy(() -> commit.submit("next")).isInstanceOf(GroupCommit.NotRecorded.class)
                .hasMessageContaining("found away");

        assertThat(tried).containsExactly(List.of("first"));
        assertThat(alone).isEmpty();
    }

    @Test
    void noGroupIsLargerThanAsked() throws Exception {
        commit = grouped(this::recordHoldingTheFirstGroup, alone::add, 2);

        Map<String, Future<?>> calls = submitWhileTheFirstCommits("a", List.of("b", "c", "d"));

        for (Future<?> call : calls.values()) {
            call.get(10, TimeUnit.SECONDS);
        }
        assertThat(groups).hasSize(3).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(2));
        assertThat(groups.stream().flatMap(Set::stream)).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    private GroupCommit<String> grouped(Consumer<List<String>> together, Consumer<String> alone, int largest) {
        return new GroupCommit<>("test", together, alone, largest, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** The first group commits only once the others have queued behind it. */
    private void recordHoldingTheFirstGroup(List<String> group) {
        if (firstGroupStarted.getCount() > 0) {
            firstGroupStarted.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> commit.waiting() == 3);
        }
        groups.add(Set.copyOf(group));
    }

    private Map<String, Future<?>> submitWhileTheFirstCommits(String first, List<String> others) throws InterruptedException {
        Future<?> firstCall = callers.submit(() -> commit.submit(first));
        assertThat(firstGroupStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Map<String, Future<?>> calls = others.stream().collect(Collectors.toMap(Function.identity(), item -> callers.submit(() -> commit.submit(item))));
        calls.put(first, firstCall);
        return calls;
    }
}

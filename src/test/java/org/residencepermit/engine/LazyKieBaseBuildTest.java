package org.residencepermit.engine;

import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSessionsPool;
import org.residencepermit.testing.RulesFixtures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A KieBase built on first use does not hold up the requests waiting for it longer than its build. */
class LazyKieBaseBuildTest {

    @BeforeAll
    static void quiet() {
        RulesFixtures.quietDroolsLogging();
    }

    /**
     * A request that finds its KieBase being built gets it when the build ends, even if the builder goes straight on
     * to decide (the warm-up does): waiting for the write lock instead, it waited behind the builder's decisions.
     */
    @Test
    void aRequestWaitingForABuildGetsTheKieBaseWhileTheBuilderDecides() throws Exception {
        StampedLock buildsExcludeDecisions = new StampedLock();
        CountDownLatch buildStarted = new CountDownLatch(1);
        CountDownLatch finishBuild = new CountDownLatch(1);
        RuleBase.LazyPool pool = new RuleBase.LazyPool(buildsExcludeDecisions, () -> {
            buildStarted.countDown();
            await(finishBuild);
            return KnowledgeBaseFactory.newKnowledgeBase();
        });
        CountDownLatch builderDeciding = new CountDownLatch(1);
        CountDownLatch builderMayStop = new CountDownLatch(1);
        Thread builder = new Thread(() -> {
            pool.get();
            long stamp = buildsExcludeDecisions.readLock();
            try {
                builderDeciding.countDown();
                await(builderMayStop);
            } finally {
                buildsExcludeDecisions.unlockRead(stamp);
            }
        });
        builder.start();
        try {
            assertTrue(buildStarted.await(10, TimeUnit.SECONDS));
            CompletableFuture<KieSessionsPool> request = new CompletableFuture<>();
            Thread requestThread = new Thread(() -> request.complete(pool.get()));
            requestThread.start();
            awaitBlocked(requestThread);
            finishBuild.countDown();
            assertTrue(builderDeciding.await(10, TimeUnit.SECONDS));

            assertNotNull(request.get(10, TimeUnit.SECONDS), "the request got the pool while the builder decides");
        } finally {
            finishBuild.countDown();
            builderMayStop.countDown();
            builder.join(10_000);
        }
    }

    /** Waits until the thread waits for a monitor or a lock, i.e. for the build to end. */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.BLOCKED && thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the request never waited for the build");
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.assay.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.support.FakeOpenAi;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskSamples;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live model against an in-process OpenAI-compatible server: replies, served flaws, and every failure. */
class LiveAssistantTest {

    static final TaskContent.AiCollaboration TASK = TaskSamples.collaboration("S", "analyst").collaboration();

    static LiveAssistant live(FakeOpenAi fake, Duration timeout) {
        return new LiveAssistant(fake.url(), "fake-model", "test-key-123", timeout, 500, 30_000);
    }

    @Test
    void aReplyCarriesTheFlawsItVerifiablyContainsAndTheTaskReachesTheModel() {
        try (FakeOpenAi fake = new FakeOpenAi()) {
            fake.then(new FakeOpenAi.Reply("Q3 sales rose to 120 units, up 25 % on Q2.", 120))
                    .then(new FakeOpenAi.Reply("From 100 to 120 is a 20% increase.", 80));
            LiveAssistant live = live(fake, Duration.ofSeconds(5));
            assertThat(live.configured()).isTrue();

            LiveAssistant.LiveReply first = live.reply(TASK, List.of(), "Draft the summary please");
            assertThat(first.text()).contains("up 25 % on Q2");
            assertThat(first.flaws()).containsExactly(1);
            assertThat(first.tokens()).isEqualTo(120);
            LiveAssistant.LiveReply second = live.reply(TASK, List.of(new LiveAssistant.Exchange(
                    "Draft the summary please", first.text())), "Check the growth rate");
            assertThat(second.flaws()).isEmpty();

            String request = fake.requests().getFirst();
            assertThat(request).contains("fake-model").contains("| Q3 | 120 |").contains("State \\\"25%\\\"")
                    .contains("Draft the summary please");
            assertThat(fake.requests().get(1)).contains("up 25 % on Q2").contains("Check the growth rate");
            assertThat(fake.authorizations()).containsOnly("Bearer test-key-123");
        }
    }

    @Test
    void aSlowAFailingAndARateLimitedModelAreUnavailableAndSaySo() {
        try (FakeOpenAi fake = new FakeOpenAi()) {
            fake.then(new FakeOpenAi.Slow(3_000, "too late")).then(new FakeOpenAi.Status(500, "{\"error\":{}}"))
                    .then(new FakeOpenAi.Status(429, FakeOpenAi.RATE_LIMITED)).then(new FakeOpenAi.Reply("  ", 5));
            LiveAssistant live = live(fake, Duration.ofMillis(800));
            long started = System.nanoTime();
            assertThatThrownBy(() -> live.reply(TASK, List.of(), "Draft it")).isInstanceOf(LiveAssistant.Unavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
            assertThatThrownBy(() -> live.reply(TASK, List.of(), "Draft it")).isInstanceOf(LiveAssistant.Unavailable.class)
                    .hasMessageContaining("failed");
            assertThatThrownBy(() -> live.reply(TASK, List.of(), "Draft it")).isInstanceOf(LiveAssistant.Unavailable.class)
                    .hasMessageContaining("rate-limited");
            assertThatThrownBy(() -> live.reply(TASK, List.of(), "Draft it")).hasMessageContaining("empty");
        }
    }

    @Test
    void withoutAUrlThereIsNoLiveModel() {
        LiveAssistant none = new LiveAssistant("", "m", "", Duration.ofSeconds(1), 500, 30_000);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> none.reply(TASK, List.of(), "Hello")).isInstanceOf(LiveAssistant.Unavailable.class);
    }

    @Test
    void aFlawIsServedByItsTextOrByItsFiguresThatTheMaterialsDoNotHold() {
        assertThat(LiveAssistant.served(TASK, "It grew 25.0% in Q3.")).containsExactly(1);
        assertThat(LiveAssistant.served(TASK, "Growth was driven by the new pricing.")).containsExactly(2);
        assertThat(LiveAssistant.served(TASK, "Q2 was 100 and Q3 was 120: 20% growth.")).isEmpty();
    }
}

package org.roadmapledger.query.subscription;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignerTest {

    @Test
    void the_signature_is_the_one_of_the_standard_webhooks_test_vector() {
        // given
        WebhookSigner signer = WebhookSigner.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        // when
        String signature = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void generated_secrets_are_usable_and_foreign_ones_refused() {
        assertThat(WebhookSigner.newSecret()).startsWith("whsec_").hasSize(6 + 44);
        WebhookSigner.of(WebhookSigner.newSecret());
        for (String bad : new String[] {null, "hunter2", "whsec_", "whsec_not base64!", "whsec_AAAA"}) {
            assertThatThrownBy(() -> WebhookSigner.of(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void retries_wait_one_second_doubling_with_jitter_up_to_ten_minutes() {
        // given
        Duration base = Duration.ofSeconds(1);
        Duration cap = Duration.ofMinutes(10);

        // when / then
        for (int i = 0; i < 200; i++) {
            assertThat(WebhookPost.backoff(1, base, cap)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
            assertThat(WebhookPost.backoff(4, base, cap)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
            assertThat(WebhookPost.backoff(30, base, cap)).isBetween(Duration.ofMinutes(8), cap);
        }
    }
}

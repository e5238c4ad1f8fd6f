package org.roadmapledger.query.subscription;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Where webhooks may go, decided on the addresses a name resolves to; no traffic is sent to any of them. */
class TargetPolicyTest {

    // names resolve here, not through DNS: the test is about the decision, not the resolver
    private static final Map<String, String> NAMES = Map.of(
            "hooks.example.org", "93.184.216.34",
            "rebound.example.org", "10.0.0.7",
            "metadata.example.org", "169.254.169.254",
            "localhost", "127.0.0.1",
            "partner.internal", "10.20.30.40");
    private static final Function<String, InetAddress[]> RESOLVER = host -> {
        try {
            String address = NAMES.getOrDefault(host, host);
            return address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")
                    ? new InetAddress[]{InetAddress.getByName(address)} : new InetAddress[0];
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    };

    private final TargetPolicy strict = new TargetPolicy(false, List.of(), RESOLVER);

    @Test
    void a_public_https_target_is_accepted() {
        assertThat(strict.refusal(URI.create("https://hooks.example.org/ledger"))).isEmpty();
        assertThat(strict.refusal(URI.create("https://93.184.216.34:8443/ledger"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://10.0.0.1/hook", "https://10.255.255.255/hook", "https://172.16.0.1/hook",
            "https://172.31.255.254/hook", "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data",
            "https://127.0.0.1/hook", "https://127.8.9.10/hook", "https://[::1]/hook", "https://[::ffff:10.0.0.1]/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:169.254.169.254]/hook", "https://[fd00:ec2::254]/hook",
            "https://[fe80::1]/hook", "https://0.0.0.0/hook", "https://100.64.0.1/hook", "https://224.0.0.1/hook",
            "https://rebound.example.org/hook", "https://metadata.example.org/hook", "https://localhost/hook",
            "https://[64:ff9b::a00:5]/hook", "https://[2002:a00:5::1]/hook", "https://240.1.2.3/hook",
            "https://255.255.255.255/hook", "https://198.18.0.1/hook"})
    void private_loopback_link_local_and_metadata_targets_are_refused(String target) {
        assertThat(strict.refusal(URI.create(target))).as(target).isPresent();
    }

    @Test
    void plain_http_is_refused_even_to_a_public_address() {
        assertThat(strict.refusal(URI.create("http://hooks.example.org/ledger")))
                .hasValueSatisfying(why -> assertThat(why).contains("https"));
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        assertThat(strict.refusal(URI.create("https://nowhere.example.invalid/hook")))
                .hasValueSatisfying(why -> assertThat(why).contains("does not resolve"));
    }

    @Test
    void loopback_also_over_http_only_when_allowed_for_development() {
        TargetPolicy development = new TargetPolicy(true, List.of(), RESOLVER);

        assertThat(development.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
        assertThat(development.refusal(URI.create("http://localhost:9000/hook"))).isEmpty();
        assertThat(development.refusal(URI.create("http://[::1]:9000/hook"))).isEmpty();
        assertThat(development.refusal(URI.create("https://10.0.0.1/hook"))).isPresent();
        assertThat(development.refusal(URI.create("http://hooks.example.org/hook"))).isPresent();
    }

    @Test
    void the_allow_list_admits_hosts_and_networks() {
        TargetPolicy listed = new TargetPolicy(false, List.of("partner.internal", "192.168.50.0/24", " "), RESOLVER);

        assertThat(listed.refusal(URI.create("https://partner.internal/hook"))).isEmpty();
        assertThat(listed.refusal(URI.create("https://192.168.50.7/hook"))).isEmpty();
        assertThat(listed.refusal(URI.create("https://192.168.51.7/hook"))).isPresent();
        assertThat(listed.refusal(URI.create("https://rebound.example.org/hook"))).isPresent();
    }

    @Test
    void the_reason_names_the_kind_of_address_and_not_the_address_behind_a_name() {
        assertThat(strict.refusal(URI.create("https://rebound.example.org/hook")))
                .hasValueSatisfying(why -> assertThat(why).contains("private").doesNotContain("10.0.0.7"));
        assertThat(strict.refusal(URI.create("https://metadata.example.org/hook")))
                .hasValueSatisfying(why -> assertThat(why).contains("link-local"));
    }
}

package org.sectormap.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sectormap.HttpBrowser;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10's HTTP figures as CPU time, which a busy machine disturbs far less than requests a second:
 * the time the server's request threads spend on one answer, over a real socket and a real session,
 * requests sent one after another from one client, after enough of them for the JIT to have compiled
 * the path. Two quiet cores serving 1,000 answers a second beside the load generator leave the app
 * about 1.6 ms of CPU an answer. {@code bench/http} measures the running jar under wrk; this is for
 * comparing a change with its parent in one session:
 * {@code ./mvnw -Pbenchmark test-compile surefire:test -Dtest=HttpBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpBenchmark {

    private static final int ORGANISATIONS = Integer.getInteger("benchmark.organisations", 100_000);
    private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 5_000);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 3_000);
    private static final int BATCH = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    @Value("${sectormap.bootstrap-admin-token}")
    String token;

    @Test
    void benchmarkTheListPageAndTheApi() throws Exception {
        for (long have = organisations.count(); have < ORGANISATIONS; have += BATCH) {
            long from = have;
            organisations.createAll(IntStream.range(0, (int) Math.min(BATCH, ORGANISATIONS - from))
                    .mapToObj(i -> OrganisationDetails.of("Forum " + (from + i), OutreachStatus.LISTED)).toList(), null);
        }
        HttpBrowser browser = new HttpBrowser();
        assertThat(browser.signIn(port, email, password).statusCode()).isEqualTo(302);
        HttpBrowser script = new HttpBrowser().with("Authorization", "Bearer " + token);
        String out = String.format("%nHTTP, %,d organisations, %,d requests after %,d:%n", organisations.count(),
                REQUESTS, WARM_UP)
                + measure("list page /organisations", () -> browser.get(port, "/organisations"))
                + measure("search API /api/organisations", () -> script.get(port, "/api/organisations"));
        System.out.println(out);
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static String measure(String name, Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(call.send().statusCode()).isEqualTo(200);
        }
        long cpu = requestThreadsCpu();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            call.send();
        }
        double wall = (System.nanoTime() - start) / 1e6 / REQUESTS;
        return String.format("%-32s request threads' CPU %.3f ms an answer (wall %.3f ms, load %.1f)%n", name,
                (requestThreadsCpu() - cpu) / 1e6 / REQUESTS, wall,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time so far of Tomcat's request threads (named http-nio-...), in nanoseconds. */
    private static long requestThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> ids = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                ids.add(info.getThreadId());
            }
        }
        return ids.stream().mapToLong(threads::getThreadCpuTime).filter(t -> t > 0).sum();
    }
}

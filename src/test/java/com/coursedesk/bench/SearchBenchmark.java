package com.coursedesk.bench;

import com.coursedesk.app.CoreServices;
import com.coursedesk.data.db.SearchText;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.purchases.PurchaseEntry;
import com.coursedesk.service.purchases.PurchaseFilter;
import com.coursedesk.service.purchases.PurchaseHistoryService;
import com.coursedesk.service.purchases.PurchaseMatches;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Search and filters over the 100,000-purchase history, through the service the Purchases
 * screen uses ({@link PurchaseHistoryService#matches}, which reads the local store), beside
 * the floor of a plain scan of the same rows held in memory with the same predicates. Each
 * call runs one query drawn at random from {@link #QUERIES}, a mix of what a learner types
 * and picks; JMH samples the time of each call, so p50 and p95 are over the mix.
 *
 * <p>The store is a copy of {@code -Dcoursedesk.bench.dataDir} (a data folder holding the
 * synced account, which the suite prepares); without it, this syncs one from a sandbox.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchBenchmark {

    static final ZoneId ZONE = ZoneId.systemDefault();
    static final List<PurchaseFilter> QUERIES = queries();

    private Path work;
    private CoreServices core;
    private AccountSession session;
    private PurchaseHistoryService history;
    private List<Purchase> rows;
    private String[] folded;

    static List<PurchaseFilter> queries() {
        Year lastYear = Year.now(ZONE).minusYears(1);
        PurchaseFilter all = PurchaseFilter.all();
        return List.of(
                all.withText("python"),
                all.withText("machine learn"),
                all.withText("calculo"),
                all.withText("4711"),
                all.withText(lastYear + "-0012"),
                all.withStatus(PurchaseStatus.REFUNDED),
                all.withYear(lastYear),
                all.withType(ProductType.GUIDED_PROJECT).withChannel(Channel.APP_STORE),
                all.withText("data").withYear(lastYear.minusYears(1)),
                all.withStatus(PurchaseStatus.FAILED).withChannel(Channel.GOOGLE_PLAY));
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        work = Files.createTempDirectory("bench-search-");
        Path data = work.resolve("data");
        String prepared = System.getProperty("coursedesk.bench.dataDir");
        if (prepared != null) {
            copyTree(Path.of(prepared), data);
        } else {
            try (SandboxProcess sandbox = SandboxProcess.start(100_000, work.resolve("sandbox.db"));
                 BenchClient client = BenchClient.signIn(data, sandbox.baseUri())) {
                client.syncOnce();
            }
        }
        core = new CoreServices(new AppDirectories(data), new InMemoryCredentialStore(), Clock.systemUTC());
        KnownAccount known = core.signIn().knownAccounts().stream()
                .filter(a -> a.email().equals(SandboxProcess.EMAIL)).findFirst().orElseThrow();
        session = core.signIn().open(known);
        // The screen's own wiring (PurchasesScreen): the store, the outbox, the learner's zone.
        history = new PurchaseHistoryService(session.store(), session.actions(), ZONE);
        rows = history.search(PurchaseFilter.all()).stream().map(PurchaseEntry::purchase).toList();
        folded = new String[rows.size()];
        for (int i = 0; i < folded.length; i++) {
            Purchase p = rows.get(i);
            folded[i] = SearchText.fold(p.product().title()) + "\n" + SearchText.fold(p.product().partner())
                    + "\n" + SearchText.fold(p.receiptNumber());
        }
    }

    /** The Purchases screen's own call (PurchasesViewModel#load). */
    @Benchmark
    public PurchaseMatches service() {
        return history.matches(QUERIES.get(ThreadLocalRandom.current().nextInt(QUERIES.size())), Locale.UK);
    }

    @Benchmark
    public List<Purchase> plainScan() {
        return scan(QUERIES.get(ThreadLocalRandom.current().nextInt(QUERIES.size())));
    }

    /** The floor: every row tested in memory, in the order they are held (newest first). */
    private List<Purchase> scan(PurchaseFilter f) {
        List<String> terms = SearchText.terms(f.text());
        Instant from = f.year() == null ? null : f.year().atDay(1).atStartOfDay(ZONE).toInstant();
        Instant before = f.year() == null ? null : f.year().plusYears(1).atDay(1).atStartOfDay(ZONE).toInstant();
        List<Purchase> found = new ArrayList<>();
        for (int i = 0; i < folded.length; i++) {
            Purchase p = rows.get(i);
            if ((f.status() != null && p.status() != f.status())
                    || (f.type() != null && p.product().type() != f.type())
                    || (f.channel() != null && p.channel() != f.channel())
                    || (from != null && (p.purchasedAt().isBefore(from) || !p.purchasedAt().isBefore(before)))) {
                continue;
            }
            boolean all = true;
            for (String term : terms) {
                if (!folded[i].contains(term)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                found.add(p);
            }
        }
        return found;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        session.close();
        core.close();
        Jvm.deleteTree(work);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}

// A plain Java program using the installed com.headshotpro:headshotpro jar
// through its Java facade: blocking calls, CompletableFuture calls, a V2 list
// page and its walk, signed options, the exception classes and the in-process
// MockServer. HEADSHOTPRO_API_KEY and
// HEADSHOTPRO_BASE_URL point at the mock; CONSUMER_TAG makes emails unique.
import com.headshotpro.BulkInviteResult;
import com.headshotpro.Response;
import com.headshotpro.types.AppInfo;
import com.headshotpro.types.BulkOutcome;
import com.headshotpro.HeadshotProException;
import com.headshotpro.JavaClient;
import com.headshotpro.JavaPage;
import com.headshotpro.MockServer;
import com.headshotpro.MockServerOptions;
import com.headshotpro.RequestOptions;
import com.headshotpro.types.Invite;
import com.headshotpro.types.Model;
import com.headshotpro.types.ModelListParams;
import com.headshotpro.types.ModelStatus;
import com.headshotpro.types.ModelSummary;
import com.headshotpro.types.Organization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletionException;

public final class JavaConsumer {
    private JavaConsumer() {}

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    public static void main(String[] args) throws HeadshotProException {
        String tag = System.getenv().getOrDefault("CONSUMER_TAG", "java");
        check(System.getProperty("jna.library.path") == null, "jna.library.path must not be needed");
        AtomicInteger answered = new AtomicInteger();
        JavaClient.Builder builder = JavaClient.builder().timeoutMs(10_000L).maxRetries(1).connectTimeoutMs(5_000L)
                .appInfo(new AppInfo("consumer", "1.0", null))
                .onResponse(event -> answered.incrementAndGet());
        try (JavaClient client = builder.build()) {
            // Blocking forms.
            Organization org = client.organization().retrieve();
            long credits = client.organization().credits();
            Invite invite = client.invites().create(tag + "-invite@example.com");
            check(invite.getEmail().equals(tag + "-invite@example.com"), "invite email");

            // CompletableFuture forms, composed.
            CompletableFuture<Model> created = client.models().createAsync(tag + "-model@example.com", null, true);
            Model model = created.thenCompose(m -> client.models().retrieveAsync(m.getModelId())).join();
            check(client.organization().creditsAsync().join() <= credits, "credits");
            List<?> invites = client.invites().listAsync().join();
            check(!invites.isEmpty(), "invite list");

            // Errors: thrown as is when blocking, as the cause of a CompletionException from join().
            try {
                client.models().retrieve("no-such-model");
                throw new AssertionError("expected NotFoundException");
            } catch (HeadshotProException.NotFoundException e) {
                check(e.getDetails().getStatus() == 404, "status " + e.getDetails().getStatus());
            }

            // A V2 list: one page, then every item through the auto-paging stream.
            JavaPage<ModelSummary> page = client.models().list(new ModelListParams(null, null, 1L, null));
            check(page.items().size() == 1, "page of one");
            long walked = client.models().listAll(new ModelListParams(null, null, 1L, null)).count();
            check(walked == page.total(), "walked " + walked + " of " + page.total());
            int iterated = 0;
            for (ModelSummary summary : page.autoPagingIterable()) {
                check(!summary.getId().isEmpty(), "model id");
                iterated++;
            }
            check(iterated == walked, "iterated " + iterated);
            try {
                client.models().retrieveAsync("no-such-model").join();
                throw new AssertionError("expected a failed future");
            } catch (CompletionException e) {
                check(e.getCause() instanceof HeadshotProException.NotFoundException, "cause " + e.getCause());
            }

            // Signed options: a negative number is an InvalidArgumentException.
            try {
                client.withOptions(new RequestOptions(-1L, null, null));
                throw new AssertionError("expected InvalidArgumentException");
            } catch (HeadshotProException.InvalidArgumentException e) {
                check(e.getMessage().contains("timeoutMs must be zero or more"), e.getMessage());
            }
            JavaClient quick = client.withOptions(new RequestOptions(2_000L, 0, null));
            check(quick.timeoutMs() == 2_000L && quick.maxRetries() == 0, "withOptions");
            try {
                client.models().wait(model.getModelId(), ModelStatus.Active.INSTANCE, Duration.ofMillis(-1));
                throw new AssertionError("expected InvalidArgumentException");
            } catch (HeadshotProException.InvalidArgumentException e) {
                check(e.getMessage().contains("timeout must be zero or more"), e.getMessage());
            }

            // Operability: response metadata, the escape hatch, bulk invites, hooks, app info.
            Response<Long> answer = client.withResponse(c -> c.organization().credits());
            check(answer.getStatus() == 200 && answer.getData() == credits, "withResponse " + answer.getStatus());
            Object raw = client.request("GET", "/api/v1/organization/credits");
            check(raw instanceof Map && ((Map<?, ?>) raw).get("credits") instanceof Long, "request " + raw);
            List<BulkInviteResult> results = client.invites().createMany(List.of(tag + "-bulk@example.com", "not-an-email"));
            check(results.get(0).getOutcome() instanceof BulkOutcome.Created, "bulk " + results);
            check(results.get(1).getOutcome() instanceof BulkOutcome.Invalid, "bulk " + results);
            check(answered.get() > 5, "hooks saw " + answered.get());
            check(client.userAgent().endsWith(" consumer/1.0"), client.userAgent());

            System.out.println("organization " + org.getName() + ", " + credits + " credits, invite "
                    + invite.getId() + ", model " + model.getModelId());
        }
        try (MockServer mock = new MockServer((MockServerOptions) null);
                JavaClient local = new JavaClient(mock.client(null))) {
            String modelId = mock.seed(0, 1, null).getModelIds().get(0);
            check(local.photos().listAll(modelId).count() == 8, "photos of the in-process mock");
        }
        System.out.println("ok: java " + System.getProperty("java.version"));
    }
}

// A plain Java program using the installed com.headshotpro:headshotpro jar
// through its Java facade: blocking calls, CompletableFuture calls, signed
// options and the exception classes. HEADSHOTPRO_API_KEY and
// HEADSHOTPRO_BASE_URL point at the mock; CONSUMER_TAG makes emails unique.
import com.headshotpro.ClientOptions;
import com.headshotpro.HeadshotProException;
import com.headshotpro.JavaClient;
import com.headshotpro.RequestOptions;
import com.headshotpro.types.Invite;
import com.headshotpro.types.Model;
import com.headshotpro.types.ModelStatus;
import com.headshotpro.types.Organization;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        ClientOptions options = new ClientOptions(null, 10_000L, 1, 5_000L, false);
        try (JavaClient client = new JavaClient(null, options)) {
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
            try {
                client.models().retrieveAsync("no-such-model").join();
                throw new AssertionError("expected a failed future");
            } catch (CompletionException e) {
                check(e.getCause() instanceof HeadshotProException.NotFoundException, "cause " + e.getCause());
            }

            // Signed options: a negative number is an InvalidArgumentException.
            try {
                client.withOptions(new RequestOptions(-1L, null));
                throw new AssertionError("expected InvalidArgumentException");
            } catch (HeadshotProException.InvalidArgumentException e) {
                check(e.getMessage().contains("timeoutMs must be zero or more"), e.getMessage());
            }
            JavaClient quick = client.withOptions(new RequestOptions(2_000L, 0));
            check(quick.timeoutMs() == 2_000L && quick.maxRetries() == 0, "withOptions");
            try {
                client.models().wait(model.getModelId(), ModelStatus.Active.INSTANCE, Duration.ofMillis(-1));
                throw new AssertionError("expected InvalidArgumentException");
            } catch (HeadshotProException.InvalidArgumentException e) {
                check(e.getMessage().contains("timeout must be zero or more"), e.getMessage());
            }

            System.out.println("organization " + org.getName() + ", " + credits + " credits, invite "
                    + invite.getId() + ", model " + model.getModelId());
        }
        System.out.println("ok: java " + System.getProperty("java.version"));
    }
}

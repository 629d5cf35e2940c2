// A Kotlin program using the installed com.headshotpro:headshotpro jar against
// the mock: suspend calls, typed exceptions. HEADSHOTPRO_API_KEY and
// HEADSHOTPRO_BASE_URL point at the mock; CONSUMER_TAG makes emails unique.
import com.headshotpro.Client
import com.headshotpro.ClientOptions
import com.headshotpro.HeadshotProException
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    val tag = System.getenv("CONSUMER_TAG") ?: "kotlin"
    check(System.getProperty("jna.library.path") == null) { "jna.library.path must not be needed" }
    Client(options = ClientOptions(maxRetries = 1, timeoutMs = 10_000L)).use { client ->
        val org = client.organization().retrieve()
        val credits = client.organization().credits()
        val invite = client.invites().create("$tag-invite@example.com")
        val model = client.models().create("$tag-model@example.com", isDevelopment = true)
        check(client.models().retrieve(model.modelId).modelId == model.modelId)
        try {
            client.models().retrieve("no-such-model")
            error("expected NotFoundException")
        } catch (e: HeadshotProException.NotFoundException) {
            check(e.details.status == 404)
        }
        println("organization ${org.name}, $credits credits, invite ${invite.id}, model ${model.modelId}")
    }
    println("ok: kotlin ${KotlinVersion.CURRENT} on Java ${System.getProperty("java.version")}")
}

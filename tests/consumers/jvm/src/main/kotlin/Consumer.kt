// A Kotlin program using the installed com.headshotpro:headshotpro jar against
// the mock: suspend calls, a Flow walk over a V2 list, typed exceptions, and
// the jar's own in-process MockServer. HEADSHOTPRO_API_KEY and
// HEADSHOTPRO_BASE_URL point at the mock binary; CONSUMER_TAG makes emails unique.
import com.headshotpro.Client
import com.headshotpro.ClientOptions
import com.headshotpro.HeadshotProException
import com.headshotpro.MockServer
import com.headshotpro.fromJson
import com.headshotpro.listAll
import com.headshotpro.request
import com.headshotpro.toJson
import com.headshotpro.types.Model
import com.headshotpro.withResponse
import com.headshotpro.types.ModelListParams
import kotlinx.coroutines.flow.count
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
        val page = client.models().list(ModelListParams(limit = 1))
        val walked = client.models().listAll(ModelListParams(limit = 1)).count()
        check(walked.toLong() == page.total()) { "walked $walked of ${page.total()} models" }
        try {
            client.models().retrieve("no-such-model")
            error("expected NotFoundException")
        } catch (e: HeadshotProException.NotFoundException) {
            check(e.details.status == 404)
        }
        val answer = client.withResponse { it.models().retrieve(model.modelId) }
        check(answer.status == 200 && answer.data.modelId == model.modelId) { "withResponse ${answer.status}" }
        check(Model.fromJson(model.toJson()) == model) { "JSON round trip" }
        check(client.request("GET", "/api/v1/organization/credits").toString().contains("credits"))
        println("organization ${org.name}, $credits credits, invite ${invite.id}, model ${model.modelId}, $walked models")
    }
    MockServer().use { mock ->
        val modelId = mock.seed(models = 1).modelIds.single()
        val photos = mock.client().photos().list(modelId).items()
        check(photos.size == 8) { "the in-process mock has ${photos.size} photos" }
        println("in-process mock at ${mock.url()}: ${photos.size} photos")
    }
    println("ok: kotlin ${KotlinVersion.CURRENT} on Java ${System.getProperty("java.version")}")
}

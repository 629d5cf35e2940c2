// A HeadshotPro webhook receiver on Ktor: POST /webhooks/headshotpro verifies the
// signature over the raw body, answers 200 at once, then confirms the model with
// models.retrieve. How to build and run it: pom.xml.
package example

import com.headshotpro.Client
import com.headshotpro.ClientOptions
import com.headshotpro.HeadshotProException
import com.headshotpro.types.ModelStatus
import com.headshotpro.types.WebhookEvent
import com.headshotpro.verifyWebhook
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.log
import io.ktor.server.cio.CIO
import io.ktor.server.engine.embeddedServer
import io.ktor.server.request.receive
import io.ktor.server.response.respondText
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import java.util.concurrent.ConcurrentHashMap
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/** Confirms each event's model with the API before acting on it. */
class Headshots(private val client: Client) {
    // Stands in for your database: models already acted on.
    private val handled = ConcurrentHashMap.newKeySet<String>()

    /** Acts on the model's state now, read from the API, not on what the event says. */
    suspend fun handle(event: WebhookEvent) {
        val modelId = event.`object`.id
        val model = try {
            client.models().retrieve(modelId)
        } catch (e: HeadshotProException) {
            System.err.println("could not confirm model $modelId after ${event.event}: $e")
            return
        }
        if (model.status == ModelStatus.Active && handled.add(modelId)) {
            // Your work goes here: save the photos, tell the user. Deliveries repeat, so
            // whatever you do must be safe to do twice.
            println("headshots ready for model $modelId (${event.event})")
        } else {
            println("model $modelId is ${model.status}: nothing to do")
        }
    }
}

fun main() {
    val secret = System.getenv("HEADSHOTPRO_WEBHOOK_SECRET") ?: error("set HEADSHOTPRO_WEBHOOK_SECRET")
    val headshots = Headshots(Client(null, ClientOptions())) // HEADSHOTPRO_API_KEY; one client
    val work = CoroutineScope(SupervisorJob() + Dispatchers.IO) // stands in for your job queue

    val server = embeddedServer(CIO, host = "127.0.0.1", port = System.getenv("PORT")?.toInt() ?: 8080) {
        routing {
            post("/webhooks/headshotpro") {
                val raw = call.receive<ByteArray>() // the bytes as sent: never a parsed object
                val headers = call.request.headers.entries().associate { (name, values) ->
                    name to values.joinToString(", ")
                }
                val event = try {
                    verifyWebhook(raw, headers, secret)
                } catch (e: HeadshotProException.WebhookVerificationException) {
                    call.application.log.warn("rejected a webhook: ${e.errorMessage}")
                    call.respondText("""{"error":"invalid signature"}""", ContentType.Application.Json, HttpStatusCode.BadRequest)
                    return@post
                }
                call.respondText("""{"received":true}""", ContentType.Application.Json)
                work.launch { headshots.handle(event) } // after the answer
            }
        }
    }
    server.start(wait = false)
    val port = runBlocking { server.engine.resolvedConnectors().first().port }
    println("listening on http://127.0.0.1:$port")
    Runtime.getRuntime().addShutdownHook(Thread { server.stop(500, 2_000) })
    Thread.currentThread().join()
}

// Uses the HeadshotPro package against the mock: async calls and typed
// errors. HEADSHOTPRO_API_KEY / HEADSHOTPRO_BASE_URL point at the mock;
// CONSUMER_TAG makes emails unique.
import Foundation
import HeadshotPro

let env = ProcessInfo.processInfo.environment
let tag = env["CONSUMER_TAG"] ?? "swift"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("consumer: \(message)\n".utf8))
    exit(1)
}

do {
    let client = try Client(apiKey: nil, options: ClientOptions(timeoutMs: 10_000, maxRetries: 1))
    let org = try await client.organization().retrieve()
    let credits = try await client.organization().credits()
    let invite = try await client.invites().create(email: "\(tag)-invite@example.com")
    let model = try await client.models().create(email: "\(tag)-model@example.com", isDevelopment: true)
    let again = try await client.models().retrieve(modelId: model.modelId)
    guard again.modelId == model.modelId else { fail("retrieve answered another model") }
    do {
        _ = try await client.models().retrieve(modelId: "no-such-model")
        fail("expected NotFoundError")
    } catch HeadshotProError.NotFoundError(let status, _, _, _, _) {
        guard status == 404 else { fail("status \(status)") }
    }
    print("organization \(org.name), \(credits) credits, invite \(invite.id), model \(model.modelId)")
    print("ok: swift")
} catch {
    fail("\(error)")
}

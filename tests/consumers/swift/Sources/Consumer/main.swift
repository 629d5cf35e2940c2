// Uses the HeadshotPro package against the mock: async calls, a V2 list and
// its AsyncSequence walk, typed errors, and the package's own in-process
// MockServer. HEADSHOTPRO_API_KEY / HEADSHOTPRO_BASE_URL point at the mock
// binary; CONSUMER_TAG makes emails unique.
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
    } catch HeadshotProError.NotFoundError(let details) {
        guard details.status == 404 else { fail("status \(details.status)") }
    }
    let page = try await client.models().list(params: ModelListParams(limit: 1))
    var walked: Int64 = 0
    for try await _ in client.models().listAll(params: ModelListParams(limit: 1)) { walked += 1 }
    guard walked == page.total() else { fail("walked \(walked) of \(page.total()) models") }
    let answer = try await client.withResponse { try await $0.models().retrieve(modelId: model.modelId) }
    guard answer.status == 200, answer.data.modelId == model.modelId else { fail("withResponse \(answer.status)") }
    guard try Model.fromJson(try model.toJson()).modelId == model.modelId else { fail("JSON round trip") }
    guard try await client.request(method: "GET", path: "/api/v1/organization/credits") is [String: Any] else { fail("request") }
    let results = try await client.invites().createMany(emails: ["\(tag)-bulk@example.com", "not-an-email"])
    guard results.map(\.outcome) == [.created, .invalid] else { fail("createMany \(results.map(\.outcome))") }
    print("organization \(org.name), \(credits) credits, invite \(invite.id), model \(model.modelId), \(walked) models")

    let mock = try MockServer()
    let modelId = try mock.seed(models: 1).modelIds[0]
    let photos = try await mock.client().photos().list(modelId: modelId).items()
    guard photos.count == 8 else { fail("the in-process mock has \(photos.count) photos") }
    mock.close()
    print("in-process mock: \(photos.count) photos")
    print("ok: swift")
} catch {
    fail("\(error)")
}

import Foundation
import HeadshotPro

/// The open enums from the wire strings cases give: a known value, else `.unknown`.
enum Wire {
    static func pick<T>(_ wire: String, _ known: [T], _ unknown: (String) -> T) -> T {
        known.first { "\($0)" == wire } ?? unknown(wire)
    }

    static func modelStatus(_ w: String) -> ModelStatus {
        pick(w, [.onboarding, .waiting, .pending, .generatingHeadshots, .active, .failed, .deleted], ModelStatus.unknown)
    }

    static func memberStatus(_ w: String) -> MemberStatus { pick(w, [.accepted, .pending, .finished], MemberStatus.unknown) }
    static func version(_ w: String) -> ModelVersion { pick(w, [.lora, .oneShot], ModelVersion.unknown) }
    static func photoStatus(_ w: String) -> PhotoStatus { pick(w, [.active, .deleted], PhotoStatus.unknown) }
    static func likedStatus(_ w: String) -> LikedStatus { pick(w, [.notLiked, .liked, .loved], LikedStatus.unknown) }
    static func include(_ w: String) -> PhotoInclude { pick(w, [.main, .all], PhotoInclude.unknown) }
}

/// A step's arguments, read as the ops need them.
struct Args {
    let op: String
    let values: [String: Any]

    func s(_ k: String) throws -> String {
        guard let v = values[k] as? String else { throw Failure("\(op): missing \(k)") }
        return v
    }

    func o(_ k: String) -> String? { values[k] as? String }
    func n(_ k: String) -> Int64? { (values[k] as? NSNumber)?.int64Value }
    func strings(_ k: String) -> [String]? { values[k] as? [String] }
    var include: PhotoInclude? { o("include").map(Wire.include) }

    var members: MemberListParams { MemberListParams(status: o("status").map(Wire.memberStatus), limit: n("limit"), offset: n("offset")) }
    var models: ModelListParams {
        ModelListParams(status: o("status").map(Wire.modelStatus), teamId: o("team_id"), limit: n("limit"), offset: n("offset"))
    }
    var photos: PhotoListParams {
        PhotoListParams(status: o("status").map(Wire.photoStatus), likedStatus: o("liked_status").map(Wire.likedStatus),
                        include: include, limit: n("limit"), offset: n("offset"))
    }
    var favorites: FavoriteListParams { FavoriteListParams(teamId: o("team_id"), include: include, limit: n("limit"), offset: n("offset")) }
}

/// Every item of a walk, collected in order.
func collect<S: AsyncSequence>(_ walk: S) async throws -> [S.Element] {
    var items: [S.Element] = []
    for try await item in walk { items.append(item) }
    return items
}

/// One op of tests/README.md on the public Swift API; the result goes through `Canonical`.
func call(_ op: String, _ a: Args, _ client: () throws -> Client, _ vectors: URL, _ caseDir: URL) async throws -> Any? {
    switch op {
    case "webhook.parse", "webhook.verify":
        let data = try Data(contentsOf: vectors.appendingPathComponent(try a.s("vector") + ".json"))
        guard let vector = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let body = vector["body"] as? String else { throw Failure("bad vector") }
        if op == "webhook.parse" { return try parseWebhook(rawBody: Data(body.utf8)) }
        let headers = (vector["headers"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
        let secret = a.o("secret") ?? (vector["secret"] as? String ?? "")
        return try verifyWebhook(rawBody: Data(body.utf8), headers: headers, secret: secret,
                                 toleranceSec: (a.values["tolerance_sec"] as? NSNumber)?.uint64Value)
    case "organization.retrieve": return try await client().organization().retrieve()
    case "organization.credits": return try await client().organization().credits()
    case "invites.create": return try await client().invites().create(email: try a.s("email"), teamId: a.o("team_id"))
    case "invites.revoke": try await client().invites().revoke(email: try a.s("email")); return nil
    case "invites.list": return try await client().invites().list()
    case "invites.retrieve": return try await client().invites().retrieve(inviteId: try a.s("invite_id"))
    case "invites.retrieve_by_email": return try await client().invites().retrieveByEmail(email: try a.s("email"))
    case "teams.list": return try await client().teams().list()
    case "teams.create": return try await client().teams().create(name: try a.s("name"))
    case "teams.update": return try await client().teams().update(teamId: try a.s("team_id"), name: try a.s("name"))
    case "teams.delete": return try await client().teams().delete(teamId: try a.s("team_id"))
    case "teams.add_members": return try await client().teams().addMembers(teamId: try a.s("team_id"), emails: a.strings("emails") ?? [])
    case "members.list": return try await client().members().list(params: a.members)
    case "members.list_all": return try await collect(client().members().listAll(params: a.members))
    case "models.create":
        return try await client().models().create(email: try a.s("email"), teamId: a.o("team_id"),
                                                  isDevelopment: (a.values["is_development"] as? Bool) ?? false,
                                                  version: a.o("version").map(Wire.version))
    case "models.retrieve": return try await client().models().retrieve(modelId: try a.s("model_id"))
    case "models.delete": return try await client().models().delete(modelId: try a.s("model_id"))
    case "models.wait":
        return try await client().models().wait(modelId: try a.s("model_id"), until: Wire.modelStatus(try a.s("until")),
                                                timeoutMs: (a.values["timeout_ms"] as? NSNumber)?.uint64Value ?? 20_000)
    case "models.list": return try await client().models().list(params: a.models)
    case "models.list_all": return try await collect(client().models().listAll(params: a.models))
    case "photos.list": return try await client().photos().list(modelId: try a.s("model_id"), params: a.photos)
    case "photos.list_all": return try await collect(client().photos().listAll(modelId: try a.s("model_id"), params: a.photos))
    case "photos.retrieve":
        return try await client().photos().retrieve(modelId: try a.s("model_id"), photoId: try a.s("photo_id"), include: a.include)
    case "photos.favorite": return try await client().photos().favorite(modelId: try a.s("model_id"), include: a.include)
    case "photos.download_links":
        return try await client().photos().downloadLinks(modelId: try a.s("model_id"), photoIds: a.strings("photo_ids"), include: a.include)
    case "photos.favorites": return try await client().photos().favorites(params: a.favorites)
    case "photos.favorites_all": return try await collect(client().photos().favoritesAll(params: a.favorites))
    case "photos.save":
        let options = SaveOptions(photoIds: a.strings("photo_ids"), include: a.include,
                                  overwrite: (a.values["overwrite"] as? Bool) ?? false, concurrency: a.n("concurrency"))
        let report = try await client().photos().save(modelId: try a.s("model_id"), directory: caseDir.path, options: options)
        return try Canonical.saveReport(report, caseDir)
    case "client.request":
        return try await client().request(method: try a.s("method"), path: try a.s("path"), body: a.values["body"],
                                          query: a.values["query"] as? [String: String] ?? [:])
    case "client.last_rate_limit": return try client().lastRateLimit()
    default: throw Failure("unknown op \(op)")
    }
}

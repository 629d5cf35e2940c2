import Foundation
import HeadshotPro

/// Canonical JSON (tests/README.md) of every result type, as Foundation JSON values.
enum Canonical {
    static func time(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    static func opt(_ s: String?) -> Any { s ?? NSNull() }
    static func wire<T>(_ v: T?) -> Any { v.map { "\($0)" } ?? NSNull() }

    static func page(_ items: [Any], _ total: Int64, _ limit: Int64, _ offset: Int64, _ hasMore: Bool) -> [String: Any] {
        ["items": items.map { of($0) }, "total": NSNumber(value: total), "limit": NSNumber(value: limit),
         "offset": NSNumber(value: offset), "has_more": hasMore]
    }

    static func photo(_ p: Photo) -> [String: Any] {
        ["id": p.id, "model_id": opt(p.modelId), "status": "\(p.status)", "liked_status": "\(p.likedStatus)",
         "created_at": time(p.createdAt),
         "urls": ["main": p.urls.main, "thumbnail": opt(p.urls.thumbnail), "original": opt(p.urls.original)] as [String: Any],
         "expires_at": time(p.expiresAt)]
    }

    static func of(_ value: Any?) -> Any {
        switch value {
        case nil: return NSNull()
        case let v as Int64: return NSNumber(value: v)
        case let v as [Any]: return v.map { of($0) }
        case let v as [String: Any]: return v
        case let v as Organization:
            return ["uid": v.uid, "name": v.name, "website": opt(v.website), "description": opt(v.description),
                    "teams": v.teams.map { of($0) }] as [String: Any]
        case let v as Team: return ["id": v.id, "name": v.name]
        case let v as Invite:
            return ["id": v.id, "email": v.email, "link": v.link, "team_id": opt(v.teamId), "message": opt(v.message)]
        case let s as InviteSummary:
            return ["id": s.id, "email": s.email, "valid": s.valid, "team_id": opt(s.teamId),
                    "created_at": time(s.createdAt), "used": s.used, "link": s.link]
        case let v as InviteDetails:
            return ["email": v.email, "status": "\(v.status)", "team_id": opt(v.teamId)]
        case let v as InviteV2:
            return ["id": opt(v.id), "email": v.email, "status": "\(v.status)", "model_id": opt(v.modelId),
                    "team_id": opt(v.teamId), "team_name": opt(v.teamName), "created_at": time(v.createdAt)]
        case let v as Model:
            return ["model_id": v.modelId, "status": "\(v.status)", "is_development": v.isDevelopment, "signed_url": v.signedUrl]
        case let v as DeletedModel:
            return ["model_id": v.modelId, "message": v.message]
        case let v as Member:
            return ["id": v.id, "email": v.email, "name": opt(v.name), "status": "\(v.status)", "team_id": opt(v.teamId),
                    "team_name": opt(v.teamName), "model_id": opt(v.modelId), "model_status": wire(v.modelStatus),
                    "joined_at": time(v.joinedAt)]
        case let v as ModelSummary:
            return ["id": v.id, "uid": opt(v.uid), "email": v.email, "title": opt(v.title), "status": "\(v.status)",
                    "team_id": opt(v.teamId), "team_name": opt(v.teamName), "is_development": v.isDevelopment,
                    "version": wire(v.version), "created_at": time(v.createdAt), "finished_at": time(v.finishedAt)]
        case let v as Photo: return photo(v)
        case let v as FavoritePhoto:
            return photo(v.photo).merging(["email": opt(v.email), "name": opt(v.name), "team_id": opt(v.teamId),
                                           "team_name": opt(v.teamName)]) { _, new in new }
        case let v as DownloadLinks:
            return ["downloads": v.downloads.map { ["photo_id": $0.photoId, "url": $0.url] }, "expires_at": time(v.expiresAt)]
        case let v as MemberPage: return page(v.items(), v.total(), v.limit(), v.offset(), v.hasMore())
        case let v as ModelSummaryPage: return page(v.items(), v.total(), v.limit(), v.offset(), v.hasMore())
        case let v as PhotoPage: return page(v.items(), v.total(), v.limit(), v.offset(), v.hasMore())
        case let v as FavoritePhotoPage: return page(v.items(), v.total(), v.limit(), v.offset(), v.hasMore())
        case let v as WebhookEvent:
            let o = v.object
            let object: [String: Any] = [
                "id": o.id, "uid": o.uid, "title": o.title, "trigger": o.trigger, "status": "\(o.status)",
                "is_development": o.isDevelopment, "finished_at": time(o.finishedAt), "deleted_at": time(o.deletedAt),
                "invite_expires_at": time(o.inviteExpiresAt), "created_at": time(o.createdAt), "organization": o.organization,
            ]
            return ["id": opt(v.id), "event": "\(v.event)", "created_at": time(v.createdAt), "object_type": v.objectType,
                    "photo_id": opt(v.photoId), "object": object]
        case let v as RateLimitInfo:
            return ["limit": v.limit.map { NSNumber(value: $0) } ?? NSNull(),
                    "remaining": v.remaining.map { NSNumber(value: $0) } ?? NSNull(), "reset_at": time(v.resetAt)]
        case let v as AnyResponse:
            return ["data": of(v.anyData), "status": NSNumber(value: v.status), "headers": v.headers,
                    "rate_limit": of(v.rateLimit)]
        case let v as String: return v
        case let v as NSNumber: return v
        default: return NSNull()
        }
    }

    /// A save report: `saved` and `failed` sorted by photo id, and every entry of `directory`.
    static func saveReport(_ report: SaveReport, _ directory: URL) throws -> [String: Any] {
        let saved = report.saved.sorted { $0.photoId < $1.photoId }.map { s -> [String: Any] in
            ["photo_id": s.photoId, "file_name": URL(fileURLWithPath: s.path).lastPathComponent, "bytes": NSNumber(value: s.bytes)]
        }
        let failed = report.failed.sorted { $0.photoId < $1.photoId }.map { f -> [String: Any] in
            let (cls, code, status, _) = describe(f.error)
            return ["photo_id": f.photoId,
                    "error": ["class": cls, "code": opt(code), "status": status.map { $0 as Any } ?? NSNull()] as [String: Any]]
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return ["saved": saved, "failed": failed, "files": files]
    }
}

/// Matching and variables of the matrix.
enum Matching {
    static func isNull(_ v: Any?) -> Bool { v == nil || v is NSNull }

    static func text(_ v: Any?) -> String {
        if let s = v as? String { return s }
        guard let v, !(v is NSNull) else { return "null" }
        if let d = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys]) {
            return String(decoding: d, as: UTF8.self)
        }
        return "\(v)"
    }

    static func mismatch(_ expected: Any, _ actual: Any?, _ at: String = "$") -> String? {
        if let s = expected as? String {
            switch s {
            case "$any": return nil
            case "$present": return isNull(actual) ? "\(at): expected a value, got null" : nil
            case "$absent": return isNull(actual) ? nil : "\(at): expected null, got \(text(actual))"
            default: return (actual as? String) == s ? nil : "\(at): expected \"\(s)\", got \(text(actual))"
            }
        }
        if let obj = expected as? [String: Any] {
            if obj.count == 1, let len = obj["$len"] as? NSNumber {
                return (actual as? [Any])?.count == len.intValue ? nil : "\(at): expected length \(len), got \(text(actual))"
            }
            if obj.count == 1, let sub = obj["$contains"] as? String {
                return (actual as? String)?.contains(sub) == true ? nil : "\(at): expected text containing \"\(sub)\", got \(text(actual))"
            }
            guard let a = actual as? [String: Any] else { return "\(at): expected an object, got \(text(actual))" }
            for (k, v) in obj.sorted(by: { $0.key < $1.key }) {
                if let m = mismatch(v, a[k], "\(at).\(k)") { return m }
            }
            return nil
        }
        if let arr = expected as? [Any] {
            guard let a = actual as? [Any], a.count == arr.count else { return "\(at): expected \(text(arr)), got \(text(actual))" }
            for (i, e) in arr.enumerated() {
                if let m = mismatch(e, a[i], "\(at)[\(i)]") { return m }
            }
            return nil
        }
        if expected is NSNull { return isNull(actual) ? nil : "\(at): expected null, got \(text(actual))" }
        if let n = expected as? NSNumber {
            guard let a = actual as? NSNumber, !(actual is String) else { return "\(at): expected \(n), got \(text(actual))" }
            return n.doubleValue == a.doubleValue ? nil : "\(at): expected \(text(n)), got \(text(a))"
        }
        return "\(at): cannot match \(text(expected))"
    }

    static func lookup(_ path: String, _ vars: [String: Any]) throws -> Any {
        let parts = path.split(separator: ".").map(String.init)
        guard var current = vars[parts[0]] else { throw Failure("unknown variable \(parts[0])") }
        for p in parts.dropFirst() {
            if let o = current as? [String: Any], let v = o[p] { current = v }
            else if let a = current as? [Any], let i = Int(p), i < a.count { current = a[i] }
            else { throw Failure("cannot resolve ${\(path)}") }
        }
        return current
    }

    static func substitute(_ value: Any, _ vars: [String: Any]) throws -> Any {
        if let o = value as? [String: Any] { return try o.mapValues { try substitute($0, vars) } }
        if let a = value as? [Any] { return try a.map { try substitute($0, vars) } }
        guard let s = value as? String, s.contains("${") else { return value }
        if s.hasPrefix("${"), s.hasSuffix("}"), s.dropFirst(2).firstIndex(of: "}") == s.index(before: s.endIndex) {
            return try lookup(String(s.dropFirst(2).dropLast()), vars)
        }
        var out = ""
        var rest = Substring(s)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            let v = try lookup(String(rest[start.upperBound..<end]), vars)
            out += (v as? String) ?? text(v)
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// A `Response` whatever its data type, for `Canonical.of`.
protocol AnyResponse {
    var anyData: Any? { get }
    var status: Int { get }
    var headers: [String: String] { get }
    var rateLimit: RateLimitInfo { get }
}

extension Response: AnyResponse {
    var anyData: Any? { data }
}

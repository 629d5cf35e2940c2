import Foundation
#if canImport(os)
import os
#endif

// Logging in Swift. swift-log would be the natural home, but SwiftPM fetches
// it from GitHub and this package has no dependencies; so the SDK's records
// go to a `LogHandler` (the protocol generated from the Rust library):
// `OSLogHandler` (os.Logger, Apple platforms), `StandardErrorLogHandler`
// (anywhere), or your own (e.g. a three-line bridge to swift-log).
//
//     let client = try Client(apiKey: key, options: ClientOptions(logLevel: .info, logger: OSLogHandler()))
//     HeadshotProLogging.bootstrap(StandardErrorLogHandler())   // every client without a logger
//
// `HEADSHOTPRO_LOG=debug|info|warn` turns logging on without code: clients
// then write to the bootstrapped handler, else to standard error.

/// Process-wide logging settings.
public enum HeadshotProLogging {
    /// Makes `handler` the logger of every client built afterwards without
    /// its own `logger` (nil: back to standard error). Clients still log
    /// only at their `logLevel`, else `HEADSHOTPRO_LOG`.
    public static func bootstrap(_ handler: LogHandler?) {
        setDefaultLogHandler(handler: handler)
    }
}

/// Writes each record as one line on standard error:
/// `2025-01-01T12:00:00.123Z INFO headshotpro: <message>`.
public final class StandardErrorLogHandler: LogHandler, @unchecked Sendable {
    private let formatter: ISO8601DateFormatter

    /// A handler writing to standard error.
    public init() {
        formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    }

    /// Writes one record.
    public func log(record: LogRecord) {
        let line = "\(formatter.string(from: Date())) \("\(record.level)".uppercased()) \(record.target): \(record.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

#if canImport(os)
/// Hands each record to `os.Logger` (subsystem `com.headshotpro`, category
/// `headshotpro` unless given), at the matching level: `error`, `warning`,
/// `info`, `debug`. Messages are public: the SDK has already redacted them.
@available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *)
public final class OSLogHandler: LogHandler, @unchecked Sendable {
    private let logger: Logger

    /// A handler logging to `subsystem`/`category`.
    public init(subsystem: String = "com.headshotpro", category: String = "headshotpro") {
        logger = Logger(subsystem: subsystem, category: category)
    }

    /// Logs one record.
    public func log(record: LogRecord) {
        switch record.level {
        case .error: logger.error("\(record.message, privacy: .public)")
        case .warn: logger.warning("\(record.message, privacy: .public)")
        case .info: logger.info("\(record.message, privacy: .public)")
        case .debug: logger.debug("\(record.message, privacy: .public)")
        case .off: break
        }
    }
}
#endif

/// A `LogHandler` calling a closure with each record.
public final class ClosureLogHandler: LogHandler, @unchecked Sendable {
    private let handle: @Sendable (LogRecord) throws -> Void

    /// Calls `handle` with each record; what it throws never fails a call.
    public init(_ handle: @escaping @Sendable (LogRecord) throws -> Void) {
        self.handle = handle
    }

    /// Passes one record to the closure.
    public func log(record: LogRecord) throws {
        try handle(record)
    }
}

/// A `RequestHook` calling a closure before each attempt is sent:
/// `ClientOptions(onRequest: ClosureRequestHook { print($0.operation, $0.attempt) })`.
public final class ClosureRequestHook: RequestHook, @unchecked Sendable {
    private let hook: @Sendable (RequestEvent) throws -> Void

    /// Calls `hook` before each attempt; what it throws is logged at warn and never fails the call.
    public init(_ hook: @escaping @Sendable (RequestEvent) throws -> Void) {
        self.hook = hook
    }

    /// Passes one event to the closure.
    public func onRequest(event: RequestEvent) throws {
        try hook(event)
    }
}

/// A `ResponseHook` calling a closure after each attempt ended, with its
/// status, duration and error class:
/// `ClientOptions(onResponse: ClosureResponseHook { metrics.record($0.operation, $0.duration) })`.
public final class ClosureResponseHook: ResponseHook, @unchecked Sendable {
    private let hook: @Sendable (ResponseEvent) throws -> Void

    /// Calls `hook` after each attempt; what it throws is logged at warn and never fails the call.
    public init(_ hook: @escaping @Sendable (ResponseEvent) throws -> Void) {
        self.hook = hook
    }

    /// Passes one event to the closure.
    public func onResponse(event: ResponseEvent) throws {
        try hook(event)
    }
}

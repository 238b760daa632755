// Configuration resolved exactly as Python's metaflow_config does it: environment METAFLOW_* first,
// then .metaflow/config.json found by walking up from the working directory, then
// $METAFLOW_HOME/config[_<profile>].json (default ~/.metaflowconfig), then the built-in default.

public struct Configuration: Sendable {
    public let environment: [String: String]
    public let workingDirectory: String
    private let localConfig: JSONValue
    private let globalConfig: JSONValue

    /// Reads the process environment and the config files.
    public static func load() throws -> Configuration {
        try Configuration(environment: ProcessEnvironment.all(), workingDirectory: FileSystem.currentDirectory())
    }

    public init(environment: [String: String], workingDirectory: String) throws {
        self.environment = environment
        self.workingDirectory = workingDirectory
        globalConfig = try Configuration.readGlobalConfig(environment)
        localConfig = try Configuration.readLocalConfig(workingDirectory)
    }

    /// Settings this build cannot honour yet. Reading local files while the user asked for the
    /// metadata service or S3 would be a wrong answer that looks right, so each is an error that
    /// names the setting, its value and where it came from.
    public func checkSupported() throws(UnsupportedSetting) {
        let wanted: [(name: String, what: String)] = [
            ("DEFAULT_METADATA", "reads local metadata or the metadata service only"),
            ("DEFAULT_DATASTORE", "reads local and S3 datastores only (Azure and GCS are not supported)"),
        ]
        for (name, what) in wanted {
            guard let v = value(name), v != "local", !(name == "DEFAULT_METADATA" && v == "service"),
                  !(name == "DEFAULT_DATASTORE" && v == "s3") else { continue }
            throw UnsupportedSetting(message: "METAFLOW_\(name)=\(PythonText.repr(v)) (from \(source(of: name))): this mfsh build "
                + "\(what). Unset it, or set it to 'local', to read a local datastore.")
        }
    }

    /// Where `METAFLOW_<name>` comes from, for messages.
    func source(of name: String) -> String {
        let key = "METAFLOW_" + name
        if environment[key] != nil { return "the environment" }
        if localConfig[key] != nil { return "a .metaflow/config.json above \(workingDirectory)" }
        return "the Metaflow config file in \(environment["METAFLOW_HOME"] ?? "~/.metaflowconfig")"
    }

    /// `METAFLOW_<name>` as written: a string from the environment, or any JSON value from a config
    /// file (a dict for `SERVICE_HEADERS`).
    public func rawValue(_ name: String) -> JSONValue? {
        let key = "METAFLOW_" + name
        if let v = environment[key] { return .string(v) }
        for source in [localConfig, globalConfig] {
            if let v = source[key], !v.isNull { return v }
        }
        return nil
    }

    /// The value of `METAFLOW_<name>` from env, local config, global config, in that order.
    public func value(_ name: String) -> String? {
        let key = "METAFLOW_" + name
        if let v = environment[key] { return v }
        for source in [localConfig, globalConfig] {
            if let v = source[key] {
                switch v {
                case .string(let s): return s
                case .int(let i): return String(i)
                case .bool(let b): return b ? "True" : "False"
                case .null: continue
                default: continue
                }
            }
        }
        return nil
    }

    // MARK: files

    private static func readGlobalConfig(_ env: [String: String]) throws -> JSONValue {
        let home = env["METAFLOW_HOME"] ?? "~/.metaflowconfig"
        let profile = env["METAFLOW_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        let file = FileSystem.join(home, profile.map { "config_\($0).json" } ?? "config.json")
        let path = expandUser(file, env)
        if FileSystem.isFile(path) {
            return try parseConfigFile(path)
        }
        if let profile {
            throw MetaflowError.generic("MetaflowException",
                                        "Unable to locate METAFLOW_PROFILE '\(profile)' in '\(home)')")
        }
        return .object([])
    }

    private static func readLocalConfig(_ cwd: String) throws -> JSONValue {
        guard let dir = findUpward(".metaflow", from: cwd) else { return .object([]) }
        let path = FileSystem.join(dir, "config.json")
        return FileSystem.isFile(path) ? try parseConfigFile(path) : .object([])
    }

    private static func parseConfigFile(_ path: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(try FileSystem.readFile(path, limit: 16 << 20))
        } catch let e as JSONError {
            throw MetaflowError.generic("MetaflowException", "cannot read the config file '\(path)': \(e)")
        }
    }

    static func expandUser(_ path: String, _ env: [String: String]) -> String {
        guard path.hasPrefix("~") else { return path }
        let home = env["HOME"] ?? ProcessEnvironment.homeFromPasswd() ?? "/"
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// The first `<dir>/<name>` that is a directory, walking up from `start`; the path of that entry.
    public static func findUpward(_ name: String, from start: String) -> String? {
        var current = start
        while true {
            let candidate = FileSystem.join(current, name)
            if FileSystem.isDirectory(candidate) { return candidate }
            let parent = FileSystem.dirname(current)
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }

    // MARK: what the client needs

    /// The `.metaflow` folder of the local datastore, or nil when none is configured or found.
    public var localDatastoreRoot: String? {
        if let sysroot = value("DATASTORE_SYSROOT_LOCAL") {
            return FileSystem.join(sysroot, ".metaflow")
        }
        return Configuration.findUpward(".metaflow", from: workingDirectory)
    }

    /// `user:<name>` (or `production:<token>`) as Python's resolve_identity() computes it.
    public func defaultNamespace() throws -> String {
        if let token = environment["METAFLOW_PRODUCTION_TOKEN"], !token.isEmpty {
            return "production:\(token)"
        }
        guard let user = username else {
            throw MetaflowError.generic("MetaflowUnknownUser",
                "Metaflow could not determine your user name based on environment variables ($USERNAME etc.)")
        }
        return "user:\(user)"
    }

    /// First non-empty, non-root value of the USER setting (METAFLOW_USER or a config file),
    /// SUDO_USER, USERNAME, USER: Python's get_username().
    public var username: String? {
        for v in [value("USER"), environment["SUDO_USER"], environment["USERNAME"], environment["USER"]] {
            if let v, !v.isEmpty, v != "root" { return v }
        }
        return nil
    }
}

/// A configured setting that this build cannot honour (see `Configuration.checkSupported`).
public struct UnsupportedSetting: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

// The shared `~/.aws/credentials` and `~/.aws/config` files, parsed as botocore parses them
// (configparser): `[section]` headers, `key = value` or `key: value`, whole-line comments with '#'
// or ';', keys lower-cased, indented lines continuing the previous value (botocore reads those as
// nested sub-sections such as `s3 =`; they are kept aside here and never break the parse).

struct INIFile {
    /// Section name → key → value, in the file's spelling of section names.
    var sections: [String: [String: String]] = [:]

    init(text: String) {
        var current: String?
        var lastKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine)
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            let indented = line.first == " " || line.first == "\t"
            if indented, current != nil, lastKey != nil {
                // A continuation: for `s3 =` followed by `  addressing_style = path`, a nested
                // sub-section. Kept as the raw continuation text under the key; never a new key.
                if let section = current, let key = lastKey {
                    let previous = sections[section]?[key] ?? ""
                    sections[section]?[key] = previous.isEmpty ? trimmed : previous + "\n" + trimmed
                }
                continue
            }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.lastIndex(of: "]") else { current = nil; lastKey = nil; continue }
                let name = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]).trimmingSpaces
                current = name
                lastKey = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section = current else { continue }
            guard let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                lastKey = nil
                continue
            }
            let key = String(trimmed[..<delimiter]).trimmingSpaces.lowercased()
            let value = String(trimmed[trimmed.index(after: delimiter)...]).trimmingSpaces
            guard !key.isEmpty else { continue }
            sections[section]?[key] = value
            lastKey = key
        }
    }
}

/// The two shared files of one environment, with botocore's profile maps.
struct SharedConfigFiles: Sendable {
    let credentialsPath: String
    let configPath: String
    /// Profiles of the credentials file: `[name]`.
    let credentialsProfiles: [String: [String: String]]
    /// Profiles of the config file: `[profile name]`, and `[default]`.
    let configProfiles: [String: [String: String]]

    static func load(environment: [String: String]) throws(AWSError) -> SharedConfigFiles {
        let credentialsPath = LocalFile.expandUser(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials",
                                                   environment: environment)
        let configPath = LocalFile.expandUser(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", environment: environment)
        let credentials = INIFile(text: try LocalFile.readText(credentialsPath) ?? "").sections
        var config: [String: [String: String]] = [:]
        let configSections = INIFile(text: try LocalFile.readText(configPath) ?? "").sections
        // `[default]` first, so that `[profile default]` (botocore lets it win) overrides it.
        if let plain = configSections["default"] { config["default"] = plain }
        for (name, values) in configSections {
            let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2, words[0] == "profile" else { continue }
            config[String(words[1]), default: [:]].merge(values) { _, new in new }
        }
        return SharedConfigFiles(credentialsPath: credentialsPath, configPath: configPath,
                                 credentialsProfiles: credentials, configProfiles: config)
    }

    /// botocore's `full_config` profile: the config file's, with the credentials file's keys over it.
    func profile(_ name: String) -> [String: String]? {
        let config = configProfiles[name], credentials = credentialsProfiles[name]
        if config == nil && credentials == nil { return nil }
        return (config ?? [:]).merging(credentials ?? [:]) { _, fromCredentials in fromCredentials }
    }
}

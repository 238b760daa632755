// `task.environment_info` / `step.environment_info` (client/core.py): what the environment that
// ran the task says about itself, found through the code package's `environment_type`. The local
// (and uv) environment answers the text "Local environment"; conda/pypi answer their entry of the
// package's `conda.manifest`, or {} when the task recorded no conda prefix.

public enum EnvironmentInfo {
    case text(String)
    case value(JSONValue)
}

extension Task {
    public var environmentInfo: EnvironmentInfo? {
        get throws {
            guard let code = try code else { return nil }
            guard let type = code.info["environment_type"] else { throw MetaflowError.keyError("environment_type") }
            switch type {
            case .null, .bool(false), .int(0): return nil
            case .string(let s) where s.isEmpty: return nil
            case .string("local"), .string("uv"): return .text("Local environment")
            case .string("conda"), .string("pypi"):
                let md = try metadataDict()
                guard md["code-package"] != nil, let prefix = md["conda_env_prefix"]?.stringValue else { return .value(.object([])) }
                let parts = prefix.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count > 2 else { throw MetaflowError.generic("IndexError", "list index out of range") }
                guard let manifestBytes = try code.member("conda.manifest") else {
                    throw MetaflowError.generic("KeyError", "\"filename 'conda.manifest' not found\"")
                }
                let manifest: JSONValue
                do { manifest = try JSONParser.parse(manifestBytes) } catch {
                    throw MetaflowError.generic("JSONDecodeError", "conda.manifest of \(pathspec): \(error)")
                }
                guard let byArch = manifest[parts[2]] else { throw MetaflowError.keyError(parts[2]) }
                guard let entry = byArch[parts[1]] else { throw MetaflowError.keyError(parts[1]) }
                return .value(entry)
            default:
                // Python picks the environment class with `[...][0]` and fails the same way.
                throw MetaflowError.generic("IndexError", "list index out of range")
            }
        }
    }
}

extension Step {
    /// The first task's (all tasks of a step share one environment); None for a step with no tasks.
    public var environmentInfo: EnvironmentInfo? {
        get throws { try tasks().first?.environmentInfo }
    }
}

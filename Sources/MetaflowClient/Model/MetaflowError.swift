// Errors of the client core, named by the Python exception class the Python client raises, so
// the shell can raise the same class with the same message.

public struct MetaflowError: Error, CustomStringConvertible, Sendable {
    /// Python class name: MetaflowNotFound, MetaflowNamespaceMismatch, MetaflowInvalidPathspec,
    /// MetaflowTaggingError, MetaflowUnknownUser, DataException, MetaflowException,
    /// MetaflowInternalError, KeyError, AttributeError, TypeError, ValueError.
    public let type: String
    public let message: String
    /// For KeyError/AttributeError: the missing key, which Python shows as the exception's arg.
    public let key: String?

    public init(type: String, message: String, key: String? = nil) {
        self.type = type; self.message = message; self.key = key
    }

    public var description: String { "\(type): \(message)" }

    public static func generic(_ type: String, _ message: String) -> MetaflowError {
        MetaflowError(type: type, message: message)
    }
    public static func notFound(_ message: String) -> MetaflowError {
        MetaflowError(type: "MetaflowNotFound", message: message)
    }
    public static func namespaceMismatch(_ namespace: String) -> MetaflowError {
        MetaflowError(type: "MetaflowNamespaceMismatch", message: "Object not in namespace '\(namespace)'")
    }
    public static func invalidPathspec(_ message: String) -> MetaflowError {
        MetaflowError(type: "MetaflowInvalidPathspec", message: message)
    }
    public static func keyError(_ key: String) -> MetaflowError {
        MetaflowError(type: "KeyError", message: key, key: key)
    }
    public static func attributeError(_ name: String) -> MetaflowError {
        MetaflowError(type: "AttributeError", message: name, key: name)
    }
    public static func tagging(_ message: String) -> MetaflowError {
        MetaflowError(type: "MetaflowTaggingError", message: message)
    }
    public static func data(_ message: String) -> MetaflowError {
        MetaflowError(type: "DataException", message: message)
    }
}

/// Each class's `headline` class attribute, as metaflow/exception.py sets it.
public let metaflowExceptionHeadlines: [String: String] = [
    "MetaflowException": "Flow failed",
    "MetaflowNotFound": "Object not found",
    "MetaflowNamespaceMismatch": "Object not in the current namespace",
    "MetaflowInvalidPathspec": "Invalid pathspec",
    "MetaflowInternalError": "Internal error",
    "MetaflowTaggingError": "Tagging error",
    "MetaflowUnknownUser": "Unknown user",
    "DataException": "Data store error",
    "ServiceException": "Metaflow service error",
]

/// The class hierarchy of the exceptions above (child → parent), for `except` clauses.
public let metaflowExceptionHierarchy: [(String, String)] = [
    ("MetaflowException", "Exception"),
    ("MetaflowNotFound", "MetaflowException"),
    ("MetaflowNamespaceMismatch", "MetaflowException"),
    ("MetaflowInvalidPathspec", "MetaflowException"),
    ("MetaflowTaggingError", "MetaflowException"),
    ("MetaflowUnknownUser", "MetaflowException"),
    ("MetaflowInternalError", "MetaflowException"),
    ("DataException", "MetaflowException"),
    ("ServiceException", "MetaflowException"),
]

/// The exceptions of Metaflow's card client (metaflow/plugins/cards/exception.py): MetaflowException
/// subclasses that `metaflow` itself does not export, with their headlines.
public let cardExceptionClasses: [(name: String, headline: String)] = [
    ("CardNotPresentException", "Card not found in datastore"),
    ("UnresolvableDatastoreException", "Cannot resolve datastore type from `Task.metadata`"),
    ("IncorrectArgumentException", "`get_cards` function requires a `Task` object or pathspec as an argument"),
    ("IncorrectPathspecException", "Pathspec is required of form `flowname/runid/stepname/taskid`"),
]

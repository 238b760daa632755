// numpy and pandas values in the language. Returns nil for values shown as inert objects.
import MFSInterpreter
import Pickle

enum NumericHosts {
    static func make(_ value: PickleValue, context: ClientContext) -> Value? {
        nil
    }
}

import Crypto
import Foundation
import PlacementEngine
import PlacementModel

/// Stable pseudonyms for participant ids, for reports that leave the organisation.
///
/// A participant's pseudonym is `P-` and the first 8 hex digits of
/// SHA-256(salt ‖ 0x1F ‖ id); the salt is the round's input hash, so the
/// same round always gives the same pseudonyms, different rounds give
/// unlinkable ones, and nobody without the input files can test a guessed
/// id. Should two ids share 8 digits, every pseudonym of the round takes 4
/// more, until all differ.
public enum Pseudonyms {
    public static func make(ids: [String], salt: String) -> [String: String] {
        let digests = ids.map { id in
            SHA256.hash(data: Data((salt + "\u{1F}" + id).utf8)).map { String(format: "%02x", $0) }.joined()
        }
        var length = 8
        while length < 64 {
            let names = digests.map { "P-" + $0.prefix(length) }
            if Set(names).count == Set(ids).count {
                return Dictionary(zip(ids, names), uniquingKeysWith: { a, _ in a })
            }
            length += 4
        }
        return Dictionary(zip(ids, digests.map { "P-" + $0 }), uniquingKeysWith: { a, _ in a })
    }

    /// `result` with every participant id replaced (and `who: {"id": …}`
    /// selectors of the policy with it, so every figure stays the same).
    public static func apply(to result: RoundResult, salt: String) -> RoundResult {
        let map = make(ids: result.instance.participants.map(\.id), salt: salt)
        var r = result
        for i in r.instance.participants.indices { r.instance.participants[i].id = map[r.instance.participants[i].id]! }
        func rename(_ s: Selector) -> Selector {
            Selector(
                s.conditions.map { c in
                    if c.key == "id", case .string(let v) = c.value { return (c.key, .string(map[v] ?? "P-?")) }
                    return c
                })
        }
        for i in r.policy.quotas.indices { r.policy.quotas[i].who = rename(r.policy.quotas[i].who) }
        r.policy.objective = r.policy.objective.map { g in
            if case .placed(let weights) = g {
                return .placed(weights: weights.map { PlacedWeight(who: rename($0.who), weight: $0.weight) })
            }
            return g
        }
        return r
    }
}

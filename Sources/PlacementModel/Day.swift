/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
///
/// Dates in allvet are plain calendar days with no time zone: stays start on
/// a Monday and end on a Sunday. Arithmetic is integer arithmetic, so week
/// numbers and ages never depend on the machine's locale or calendar.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (which was a Thursday).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The date `year-month-day`; nil when it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Days-from-civil (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146097 + doe - 719468
    }

    /// Parses an ISO 8601 calendar date `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// (year, month, day).
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((ordinal + 3) % 7 + 7) % 7 }

    /// The Monday on or before this day.
    public var mondayOnOrBefore: Day { Day(ordinal: ordinal - weekday) }

    /// The Monday on or after this day.
    public var mondayOnOrAfter: Day { weekday == 0 ? self : Day(ordinal: ordinal + 7 - weekday) }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole years of age on `day` of someone born on `self`. A 29 February
    /// birthday is reached on 1 March in other years (model.md, ruling 2).
    public func age(on day: Day) -> Int {
        let b = components, d = day.components
        var years = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public var description: String { iso }
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}

import PlacementModel
import Testing

@Suite struct DayTests {
    @Test func parsesAndPrintsISO() throws {
        let d = try #require(Day(iso: "2026-03-02"))
        #expect(d.iso == "2026-03-02")
        let c = d.components
        #expect(c.year == 2026 && c.month == 3 && c.day == 2)
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-2-03") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
        #expect(Day(ordinal: 0).iso == "1970-01-01")
    }

    @Test func weekdayAndMondays() throws {
        let monday = try #require(Day(iso: "2026-03-02"))
        #expect(monday.weekday == 0)
        let sunday = try #require(Day(iso: "2026-03-01"))
        #expect(sunday.weekday == 6)
        #expect(sunday.mondayOnOrBefore.iso == "2026-02-23")
        #expect(sunday.mondayOnOrAfter == monday)
        #expect(monday.mondayOnOrBefore == monday && monday.mondayOnOrAfter == monday)
        #expect(Day(ordinal: 0).weekday == 3)  // Thursday
        #expect(try #require(Day(iso: "1969-12-29")).weekday == 0)  // before the epoch
        #expect(monday.adding(days: 7 * 4 - 1).iso == "2026-03-29")
    }

    @Test func ageInWholeYears() throws {
        let born = try #require(Day(iso: "2008-05-17"))
        #expect(born.age(on: try #require(Day(iso: "2026-05-16"))) == 17)
        #expect(born.age(on: try #require(Day(iso: "2026-05-17"))) == 18)
    }

    @Test func leapDayBirthdayIsReachedOnFirstMarch() throws {
        let born = try #require(Day(iso: "2008-02-29"))
        #expect(born.age(on: try #require(Day(iso: "2026-02-28"))) == 17)
        #expect(born.age(on: try #require(Day(iso: "2026-03-01"))) == 18)
        #expect(born.age(on: try #require(Day(iso: "2028-02-29"))) == 20)
    }
}

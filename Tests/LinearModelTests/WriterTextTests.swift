import LinearModel
import Testing

/// The writers' exact text on a tiny model (see ``WriterFixtures/tiny()``).
struct WriterTextTests {
    @Test func cplexLP() {
        #expect(
            WriterFixtures.tiny().cplexLP() == """
                \\ allvet LinearModel "tiny": 2 columns, 1 rows, minimize
                \\ c1 = x
                \\ c2 = y
                \\ r1 = cover
                Minimize
                 obj: 1 c1 + 2 c2
                Subject To
                 r1: 1 c1 + 1 c2 >= 1
                Bounds
                 0 <= c2 <= 3
                General
                 c2
                End

                """)
    }

    @Test func freeMPS() {
        #expect(
            WriterFixtures.tiny().freeMPS() == """
                * allvet LinearModel "tiny": 2 columns, 1 rows, minimize
                * c1 = x
                * c2 = y
                * r1 = cover
                NAME allvet
                ROWS
                 N obj
                 G r1
                COLUMNS
                 c1 obj 1
                 c1 r1 1
                 MARKER 'MARKER' 'INTORG'
                 c2 obj 2
                 c2 r1 1
                 MARKER 'MARKER' 'INTEND'
                RHS
                 RHS r1 1
                BOUNDS
                 LO BND c2 0
                 UP BND c2 3
                ENDATA

                """)
    }

    /// Features that need care: constant as fixed column c0, ranged row split
    /// in LP and RANGES in MPS, negated objective in MPS, names in comments only.
    @Test func featureLines() {
        let m = WriterFixtures.features()
        let lp = m.cplexLP(), mps = m.freeMPS()
        for line in [
            " obj: 10 c0 + 2 c1 + 3 c2 - 1 c3 + 1 c4 + 1 c5", " r2_lo: 1 c3 - 1 c1 >= -2", " r2_hi: 1 c3 - 1 c1 <= 1",
            " c0 = 1", " c3 free", " -inf <= c4 <= 2", " c5 = 1.5", "Binary\n c2", "\\ c5 = e_fixed", "\\ r5 is free",
        ] {
            #expect(lp.contains(line + "\n"), "LP lacks \(line)")
        }
        for line in [
            " c0 obj -10", " c1 obj -2", " RNG r2 3", " FX BND c0 1", " FR BND c3", " MI BND c4", " FX BND c5 1.5",
            "* Maximisation written as minimisation of the negated objective.",
        ] {
            #expect(mps.contains(line + "\n"), "MPS lacks \(line)")
        }
    }

    @Test func deterministic() {
        #expect(WriterFixtures.features().cplexLP() == WriterFixtures.features().cplexLP())
        #expect(WriterFixtures.features().freeMPS() == WriterFixtures.features().freeMPS())
    }

    /// One rule for every comment line, the writers' names and the export
    /// header alike: each control character (line breaks, tab, DEL)
    /// becomes `_`, so no name can end a comment and become model text.
    @Test func controlCharactersInCommentsBecomeUnderscores() {
        var m = LinearModel(name: "a\nb")
        let x = m.addColumn(name: "x\r\ny\tz\u{7F}", objective: 1)
        m.addRow(name: "row\u{01}é", lower: 1, terms: [(x, 1)])
        for (format, mark) in [(ModelFileFormat.lp, "\\"), (.mps, "*")] {
            let text = m.fileText(format, header: ["instance: \"x\r\ny\"\t1", "level 1"])
            #expect(
                text.hasPrefix(
                    """
                    \(mark) instance: "x__y"_1
                    \(mark) level 1
                    \(mark) allvet LinearModel "a_b": 1 columns, 1 rows, minimize
                    \(mark) c1 = x__y_z_
                    \(mark) r1 = row_é

                    """))
        }
    }
}

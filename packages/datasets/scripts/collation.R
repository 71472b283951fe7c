# Computes src/fixtures/collation.json: strings in R's sort() order (ICU collation, R's default),
# the expectation of src/compare-strings-r.test.ts.
#   Rscript scripts/collation.R src/fixtures/collation.json
suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "src/fixtures/collation.json"
x <- c("b", "B", "a", "A", "sec+", "second", "secnd", "Sec", "a b", "ab", "a-b", "a_b", "1", "10",
       "2", "10-14", "5-9", "0-4", "25-29", "Z", "z", "\u00e9", "e", "E", "\u00c9", "f", "A:a", "Aa",
       "A:b", "_x", "x", "", " ", "1.5", "15", "-1", "+1", "(a)", "[b]", "a.b", "a,b", "a;b", "a/b",
       "Suva", "rural", "urban", "none", "lower", "upper", "Male", "Female", "M01", "m01", "F10",
       "T1", "t1", "Golden Rain", "Golden rain", "GoldenRain", "Victory", "Marvellous", "VI", "V",
       "III", "IV", "II", "I", "i", "ii", "100", "101", "011", "1e5", "x1", "x10", "x2", "X1",
       "\u00fcber", "uber", "Uber", "zoo", "Zoo", "\u00e5", "aa", "\u00e6", "ae", "n\u00e9e", "nee",
       "O'Brien", "OBrien", "o'brien", "$5", "#1", "&c", "@home", "%x", "~y", "a~", "a$", "NA", "na", "Na")
s <- sort(unique(x))
writeLines(toJSON(list(
  generated = paste("scripts/collation.R,", R.version.string, ", ICU", capabilities("ICU")),
  sorted = s), auto_unbox = TRUE, pretty = TRUE), out)
cat("wrote", out, "\n")

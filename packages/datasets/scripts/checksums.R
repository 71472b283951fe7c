# Computes src/fixtures/checksums.json, the expectations of src/datasets.test.ts, with R from
# the files in the shared data folder and, where they exist, from the R packages themselves.
#   Rscript scripts/checksums.R /work/shared/data src/fixtures/checksums.json
# For every data set: nrow, column names in order, and per column
#   numeric: sum, sum(abs), the weighted sum sum(w * x) with w = ((i - 1) %% 997) + 1 (detects a
#            permutation of rows), number of NA;
#   factor:  levels, ordered, the weighted code sum sum(w * as.integer(f)) (1-based codes), NA count.
# Factor levels come from R itself (package data, or R's factor() on the column as the source
# texts read it), never from factor_levels.json, so the test checks that file's use too.
suppressPackageStartupMessages({ library(jsonlite); library(lme4); library(nlme); library(MASS) })
args <- commandArgs(trailingOnly = TRUE)
root <- if (length(args) >= 1) args[1] else "/work/shared/data"
out <- if (length(args) >= 2) args[2] else "src/fixtures/checksums.json"

w <- function(n) ((seq_len(n) - 1) %% 997) + 1
col_sum <- function(x) {
  if (is.factor(x)) {
    list(type = "factor", levels = levels(x), ordered = is.ordered(x),
         wcode = sum(w(length(x)) * as.numeric(as.integer(x)), na.rm = TRUE), nNA = sum(is.na(x)))
  } else {
    x <- as.numeric(x)
    list(type = "numeric", sum = sum(x, na.rm = TRUE), sumAbs = sum(abs(x), na.rm = TRUE),
         wsum = sum(w(length(x)) * x, na.rm = TRUE), nNA = sum(is.na(x)))
  }
}
summarise <- function(df) list(nrow = nrow(df), columns = names(df), checks = lapply(df, col_sum))

# The CSV must hold exactly the package's data (values and labels).
same_as_csv <- function(pkgdata, file) {
  csv <- read.csv(file.path(root, "r", file), stringsAsFactors = FALSE)
  stopifnot(identical(names(csv), names(pkgdata)), nrow(csv) == nrow(pkgdata))
  for (nm in names(csv)) {
    a <- pkgdata[[nm]]
    b <- csv[[nm]]
    if (is.factor(a)) stopifnot(identical(as.character(a), as.character(b)))
    else stopifnot(isTRUE(all.equal(as.numeric(a), as.numeric(b), tolerance = 0)))
  }
  pkgdata
}
plain <- function(df) { df <- as.data.frame(df); attr(df, "formula") <- NULL; df }

res <- list()
res$moths <- summarise(data.frame(phenotype = factor(c("carbonaria", "insularia", "typica")),
                                  count = c(85, 196, 341)))
veg <- read.csv(file.path(root, "vegetables.csv"), colClasses = c(store = "character"))
veg$store <- factor(veg$store)
res$vegetables <- summarise(veg)
res$ceb <- summarise(read.csv(file.path(root, "ceb.csv"), stringsAsFactors = TRUE))
wheat <- read.csv(file.path(root, "wheat.csv"))
wheat$g <- factor(as.character(wheat$g), levels = as.character(sort(unique(wheat$g))))
res$wheat <- summarise(wheat)
load(file.path(root, "nels.Rdata"))
nels_csv <- read.csv(file.path(root, "nels.csv"))
stopifnot(identical(as.character(nels$school), as.character(nels_csv$school)),
          identical(as.character(nels$urbanicity), nels_csv$urbanicity),
          isTRUE(all.equal(nels$ses, nels_csv$ses, tolerance = 0)),
          isTRUE(all.equal(nels$mscore, nels_csv$mscore, tolerance = 0)))
res$nels <- summarise(plain(nels))
bonds <- read.csv(file.path(root, "bonds.csv"), stringsAsFactors = TRUE)
bonds$ingot <- factor(bonds$ingot)
load(file.path(root, "Bond.rda"))
stopifnot(identical(levels(bonds$metal), levels(Bond$Metal)),
          identical(levels(bonds$ingot), levels(Bond$Ingot)),
          identical(bonds$pressure, Bond$pressure),
          identical(as.character(bonds$metal), as.character(Bond$Metal)))
res$bonds <- summarise(bonds)
res$machines <- summarise(same_as_csv(plain(nlme::Machines), "Machines.csv"))
res$sleepstudy <- summarise(same_as_csv(plain(lme4::sleepstudy), "sleepstudy.csv"))
res$dyestuff <- summarise(same_as_csv(plain(lme4::Dyestuff), "Dyestuff.csv"))
res$dyestuff2 <- summarise(same_as_csv(plain(lme4::Dyestuff2), "Dyestuff2.csv"))
res$penicillin <- summarise(same_as_csv(plain(lme4::Penicillin), "Penicillin.csv"))
res$pastes <- summarise(same_as_csv(plain(lme4::Pastes), "Pastes.csv"))
res$cbpp <- summarise(same_as_csv(plain(lme4::cbpp), "cbpp.csv"))
res$instEval <- summarise(same_as_csv(plain(lme4::InstEval), "InstEval.csv"))
res$faithful <- summarise(same_as_csv(plain(datasets::faithful), "faithful.csv"))
res$orthodont <- summarise(same_as_csv(plain(nlme::Orthodont), "Orthodont.csv"))
res$oats <- summarise(same_as_csv(plain(nlme::Oats), "Oats.csv"))
res$ergoStool <- summarise(same_as_csv(plain(nlme::ergoStool), "ergoStool.csv"))
res$insectSprays <- summarise(same_as_csv(plain(datasets::InsectSprays), "InsectSprays.csv"))
res$warpbreaks <- summarise(same_as_csv(plain(datasets::warpbreaks), "warpbreaks.csv"))
bw <- cbind(data.frame(id = factor(rownames(MASS::birthwt))), MASS::birthwt)
rownames(bw) <- NULL
res$birthwt <- summarise(same_as_csv(bw, "birthwt.csv"))

writeLines(toJSON(list(
  generated = paste("scripts/checksums.R,", R.version.string, "on", format(Sys.Date())),
  collation = "ICU (R's default), as R sorts factor levels",
  datasets = res), auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")

#!/usr/bin/env Rscript
# Poisson CUSUM that restarts after each alarm, built from surveillance's own algo.cusum:
# the reference mean m is fixed from the training days, algo.cusum runs from the monitoring start
# until its first alarm, then again from the next day with the same m, and so on.
# Usage: Rscript cusum_reset.R --in DAILY.csv --out OUT.csv [--train-days 365] [--k 1.04] [--h 2.26]
# Output: date,count,statistic,upperbound,alarm (as peers/ears.R --method CUSUM).
suppressPackageStartupMessages({ library(surveillance) })
a <- commandArgs(trailingOnly = TRUE)
arg <- function(name, default) { i <- match(paste0("--", name), a); if (is.na(i)) default else a[i + 1] }
d <- read.csv(arg("in", NA), stringsAsFactors = FALSE)
y <- as.numeric(d$count)
train <- as.integer(arg("train-days", "365")); k <- as.numeric(arg("k", "1.04")); h <- as.numeric(arg("h", "2.26"))
dp <- suppressWarnings(create.disProg(week = seq_along(y), observed = y, state = rep(0, length(y)), freq = 365))
m <- mean(y[1:train])
stat <- ub <- al <- numeric(0)
start <- train + 1
while (start <= length(y)) {
  r <- surveillance:::algo.cusum(dp, control = list(range = start:length(y), k = k, h = h, m = m, trans = "standard"))
  hit <- which(as.logical(r$alarm))[1]
  last <- if (is.na(hit)) length(r$cusum) else hit
  stat <- c(stat, r$cusum[1:last]); ub <- c(ub, r$upperbound[1:last]); al <- c(al, r$alarm[1:last])
  start <- start + last
}
rng <- (train + 1):length(y)
write.csv(data.frame(date = d$date[rng], count = y[rng], statistic = stat, upperbound = ub, alarm = as.integer(al)),
          arg("out", NA), row.names = FALSE, quote = FALSE)
cat(sprintf("m=%.6f alarms=%d\n", m, sum(al)))

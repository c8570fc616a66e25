# Runs one ChannelAttribution model on a path file, for the whole-process harness to time against the tool.
# ChannelAttribution (GPL-3) is used as a black box: installed outside this repository, called through its
# public R API only.
#
#   R_LIBS=/path/to/r-library Rscript channelattribution.R MODEL PATHS [OUTPUT]
#
# MODEL: markov1, markov3 (markov_model with order 1 or 3, seed 0) or heuristics (heuristic_models:
# first, last and linear touch). PATHS: path,total_conversions,total_conversion_value,total_null, read with
# data.table::fread. OUTPUT: a CSV of the credits (default: standard output).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2 || length(args) > 3) {
  stop("usage: Rscript channelattribution.R markov1|markov3|heuristics PATHS [OUTPUT]")
}
suppressPackageStartupMessages({
  library(data.table)
  library(ChannelAttribution)
})
paths <- fread(args[2])
markov <- function(order) {
  markov_model(paths, "path", "total_conversions", var_value = "total_conversion_value",
               var_null = "total_null", order = order, verbose = FALSE, flg_pro = FALSE)
}
credits <- switch(args[1],
  markov1 = markov(1),
  markov3 = markov(3),
  heuristics = heuristic_models(paths, "path", "total_conversions", var_value = "total_conversion_value",
                                flg_pro = FALSE),
  stop("unknown model ", args[1]))
fwrite(credits, if (length(args) == 3) args[3] else "")

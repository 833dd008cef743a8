print("laer-bench: being written")

package app

// labelsOf returns label of each item, in order: the choices of a Select or
// a CheckGroup.
func labelsOf[T any](items []T, label func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = label(it)
	}
	return out
}

// stringsOf returns the values of a list of string constants as plain strings.
func stringsOf[T ~string](items []T) []string {
	return labelsOf(items, func(it T) string { return string(it) })
}

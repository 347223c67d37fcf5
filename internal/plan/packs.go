package plan

import "strings"

// otherKind names, for a message, the kind of template that kind is not.
func otherKind(kind string) string {
	if kind == KindPack {
		return "template"
	}
	return "state pack"
}

// sectionPaths returns each section's title path: the titles of its
// ancestors and its own, joined by " / " and folded to lower case, which is
// how a pack and a later template version find "the same" section.
func sectionPaths(sections []DocSection) []string {
	paths := make([]string, len(sections))
	var stack []string
	for i, s := range sections {
		depth := min(s.Depth, len(stack))
		stack = append(stack[:depth], strings.ToLower(oneLine(s.Title)))
		paths[i] = strings.Join(stack, " / ")
	}
	return paths
}

// parentPath is the path of a section's parent; "" at the top level.
func parentPath(path string) string {
	i := strings.LastIndex(path, " / ")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// MergePack returns core with a state pack merged in. A pack section whose
// title path matches a core section replaces its guidance and body (where
// the pack gives them); any other pack section is added as the last child
// of its parent (or at the end when the parent is new too). A pack
// scenario replaces the core scenario of the same title, or is added.
func MergePack(core, pack Document) Document {
	out := core
	out.PackName, out.PackVersion = pack.PackName, pack.PackVersion
	out.Sections = append([]DocSection(nil), core.Sections...)
	packPaths := sectionPaths(pack.Sections)
	for i, ps := range pack.Sections {
		paths := sectionPaths(out.Sections)
		if j := indexOf(paths, packPaths[i]); j >= 0 {
			if strings.TrimSpace(ps.Guidance) != "" {
				out.Sections[j].Guidance = ps.Guidance
			}
			if strings.TrimSpace(ps.Body) != "" {
				out.Sections[j].Body = ps.Body
			}
			continue
		}
		out.Sections = insertSection(out.Sections, paths, packPaths[i], ps)
	}
	out.Scenarios = append([]Scenario(nil), core.Scenarios...)
	for _, sc := range pack.Scenarios {
		if j := scenarioIndex(out.Scenarios, sc.Title); j >= 0 {
			out.Scenarios[j] = sc
		} else {
			out.Scenarios = append(out.Scenarios, sc)
		}
	}
	return out
}

// insertSection adds sec (whose path is path) after the last section under
// its parent, at the parent's depth plus one; paths are the paths of list.
func insertSection(list []DocSection, paths []string, path string, sec DocSection) []DocSection {
	parent := parentPath(path)
	at, depth := len(list), 0
	if p := indexOf(paths, parent); parent != "" && p >= 0 {
		depth = list[p].Depth + 1
		at = p + 1
		for at < len(list) && list[at].Depth > list[p].Depth {
			at++
		}
	}
	sec.Depth = depth
	return append(list[:at:at], append([]DocSection{sec}, list[at:]...)...)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// scenarioIndex finds a scenario by title, ignoring case.
func scenarioIndex(list []Scenario, title string) int {
	for i, sc := range list {
		if strings.EqualFold(oneLine(sc.Title), oneLine(title)) {
			return i
		}
	}
	return -1
}

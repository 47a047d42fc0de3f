//go:build tools

// The blank import keeps the YAML language host's main package and its dependencies in go.mod after `go mod tidy`.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)

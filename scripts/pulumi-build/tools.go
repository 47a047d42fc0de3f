//go:build tools

// Blank imports keep both main packages (and their dependencies) in go.mod after `go mod tidy`.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
	_ "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
)

import nx from "@nx/eslint-plugin";

export default [
    ...nx.configs["flat/base"],
    ...nx.configs["flat/typescript"],
    ...nx.configs["flat/javascript"],
    {
        ignores: [
            "**/dist",
            "**/out-tsc",
            "**/.data",
            "**/test-results",
            "**/playwright-report"
        ]
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.js",
            "**/*.jsx"
        ],
        rules: {
            "@nx/enforce-module-boundaries": [
                "error",
                {
                    enforceBuildableLibDependency: true,
                    allow: [
                        "^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$"
                    ],
                    // Layers: apps -> feature -> data-access -> util on the web side; on the api side apps ->
                    // domain -> util, domains only through each other's index (no deep import, no cycle: the
                    // rule reports circular dependencies between projects). util libs (sql, config, queues,
                    // errors, database) know no domain. Shared code never reaches into api or web code, web
                    // never imports server code, and no lib imports an app (Nx refuses that on its own).
                    depConstraints: [
                        { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "scope:api", onlyDependOnLibsWithTags: ["scope:api", "scope:shared"] },
                        { sourceTag: "scope:web", onlyDependOnLibsWithTags: ["scope:web", "scope:shared"] },
                        { sourceTag: "scope:e2e", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "scope:tools", onlyDependOnLibsWithTags: ["scope:api", "scope:shared"] },
                        { sourceTag: "type:app", onlyDependOnLibsWithTags: ["type:domain", "type:feature", "type:data-access", "type:ui", "type:util"] },
                        { sourceTag: "type:e2e", onlyDependOnLibsWithTags: ["type:util"] },
                        { sourceTag: "type:tooling", onlyDependOnLibsWithTags: ["type:domain", "type:data-access", "type:util"] },
                        { sourceTag: "type:domain", onlyDependOnLibsWithTags: ["type:domain", "type:util"] },
                        { sourceTag: "type:feature", onlyDependOnLibsWithTags: ["type:feature", "type:data-access", "type:ui", "type:util"] },
                        { sourceTag: "type:data-access", onlyDependOnLibsWithTags: ["type:data-access", "type:util"] },
                        { sourceTag: "type:ui", onlyDependOnLibsWithTags: ["type:ui", "type:util"] },
                        { sourceTag: "type:util", onlyDependOnLibsWithTags: ["type:util"] }
                    ]
                }
            ]
        }
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.cts",
            "**/*.mts",
            "**/*.js",
            "**/*.jsx",
            "**/*.cjs",
            "**/*.mjs"
        ],
        rules: {
            // A lib is used through its index (`@incubator/api/startups`), never a file inside it.
            "no-restricted-imports": ["error", {
                patterns: [{ group: ["@incubator/*/src", "@incubator/*/src/*", "@incubator/api/*/src", "@incubator/api/*/src/*"], message: "Import the lib through its index." }]
            }]
        }
    }
];

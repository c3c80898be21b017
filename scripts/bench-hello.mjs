// The floor for cold-start figures: the smallest useful JavaScript action (the shape of GitHub's
// hello-world-javascript-action), bundled with ncc like ours. Built by scripts/bench.mjs.
import * as core from '@actions/core';

core.setOutput('greeting', `Hello ${core.getInput('who-to-greet') || 'world'}`);

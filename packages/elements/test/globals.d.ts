// Element tests run under Mocha in the browser (@web/test-runner): its globals, for the type checker.
/// <reference types="mocha" />

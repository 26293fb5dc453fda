import groovy.json.JsonSlurper

def budget = { m -> new JsonSlurper().parse(new File(basedir, m + '/target/footprint/footprint.json')).environments[0].memory.budgetBytes }
assert budget('literal') == 1024L * 1024 * 1024
assert budget('property') == 1024L * 1024 * 1024
return true

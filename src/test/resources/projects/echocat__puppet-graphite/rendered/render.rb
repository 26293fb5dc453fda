# Renders the module's ERB templates as Puppet's template() does: ERB with trim_mode '-', in an
# object whose `scope.lookupvar(name)` answers the class variables and whose instance variables are
# the facts (Puppet's TemplateWrapper sets one per visible variable). Usage, from the project folder:
#   ruby rendered/render.rb vars/graphite.yaml TEMPLATE OUTPUT
require 'erb'
require 'yaml'
require 'fileutils'

class Scope
  def initialize(vars) @vars = vars end
  def lookupvar(name) @vars.fetch(name) { raise "no value for #{name}" } end
end

class Wrapper
  def initialize(values)
    @scope = Scope.new(values['scope'])
    values['facts'].each { |k, v| instance_variable_set("@#{k}", v) }
  end
  def scope() @scope end
  def render(text) ERB.new(text, trim_mode: '-').result(binding) end
end

values = YAML.safe_load(File.read(ARGV[0]))
FileUtils.mkdir_p(File.dirname(ARGV[2]))
File.write(ARGV[2], Wrapper.new(values).render(File.read(ARGV[1])))

# Renders a Chef template as Chef's template resource does: Erubis::Eruby with its default options
# (Chef's TemplateContext passes none), evaluated in a context whose instance variables are the
# resource's `variables` and whose `node` answers the node attributes.
# Usage, from the project folder: ruby rendered/render.rb vars/identity.yaml TEMPLATE OUTPUT
require 'erubis'
require 'yaml'
require 'fileutils'

class Context
  def initialize(values)
    @node = values['node']
    values['variables'].each { |k, v| instance_variable_set("@#{k}", v) }
  end
  def node() @node end
end

values = YAML.safe_load(File.read(ARGV[0]))
FileUtils.mkdir_p(File.dirname(ARGV[2]))
File.write(ARGV[2], Erubis::Eruby.new(File.read(ARGV[1])).evaluate(Context.new(values)))
